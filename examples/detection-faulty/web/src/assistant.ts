// Help panel for brokers: answers questions about the claims procedure.
import Anthropic from "@anthropic-ai/sdk";

const anthropic = new Anthropic();

export async function ask(question: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: "claude-haiku-4-5",
    max_tokens: 512,
    messages: [{ role: "user", content: question }],
  });
  return message.content[0].type === "text" ? message.content[0].text : "";
}
