"""Generated from schemas/ai-usage.schema.json by fastjsonschema 2.22.3: do not edit.

Regenerate with `python -m charte_lint.schema --regenerate` after changing the schema or
charte_lint.schema's FORMATS; tests/test_validation.py fails while this file is stale.
`validate(document, FORMATS)` raises `Invalid` when the document breaks the schema.
"""


class Invalid(ValueError):
    """The document breaks the schema (jsonschema says where and why)."""


VERSION = "2.22.3"
import re


REGEX_PATTERNS = {
    '^[A-Z]{2}(?=\\n?\\Z)': re.compile('^[A-Z]{2}(?=\\n?\\Z)'),
    '^(\\*|[a-z0-9][a-z0-9-]*)(?=\\n?\\Z)': re.compile('^(\\*|[a-z0-9][a-z0-9-]*)(?=\\n?\\Z)'),
    '^[1-8]([a-h]|\\([a-h]\\))?(?=\\n?\\Z)': re.compile('^[1-8]([a-h]|\\([a-h]\\))?(?=\\n?\\Z)')
}

NoneType = type(None)

def validate_https___charte_lint_org_schemas_ai_usage_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['version', 'charter', 'organisation', 'uses']) - data.keys()
        if data__missing_keys:
            raise Invalid
        data_keys = set(data.keys())
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            if not isinstance(data__version, (int)) and not (isinstance(data__version, float) and data__version.is_integer()) or isinstance(data__version, bool):
                raise Invalid
            if not (isinstance(data__version, (int, float)) and not isinstance(data__version, bool) and data__version == 1):
                raise Invalid
        if "charter" in data_keys:
            data_keys.remove("charter")
            data__charter = data["charter"]
            if not isinstance(data__charter, (str)):
                raise Invalid
            if not (isinstance(data__charter, str) and data__charter == 'private' or isinstance(data__charter, str) and data__charter == 'public'):
                raise Invalid
        if "organisation" in data_keys:
            data_keys.remove("organisation")
            data__organisation = data["organisation"]
            if not isinstance(data__organisation, (dict)):
                raise Invalid
            data__organisation_is_dict = isinstance(data__organisation, dict)
            if data__organisation_is_dict:
                data__organisation__missing_keys = set(['name']) - data__organisation.keys()
                if data__organisation__missing_keys:
                    raise Invalid
                data__organisation_keys = set(data__organisation.keys())
                if "name" in data__organisation_keys:
                    data__organisation_keys.remove("name")
                    data__organisation__name = data__organisation["name"]
                    if not isinstance(data__organisation__name, (str)):
                        raise Invalid
                    if isinstance(data__organisation__name, str):
                        data__organisation__name_len = len(data__organisation__name)
                        if data__organisation__name_len < 1:
                            raise Invalid
                if "country" in data__organisation_keys:
                    data__organisation_keys.remove("country")
                    data__organisation__country = data__organisation["country"]
                    if not isinstance(data__organisation__country, (str)):
                        raise Invalid
                    if isinstance(data__organisation__country, str):
                        if not REGEX_PATTERNS['^[A-Z]{2}(?=\\n?\\Z)'].search(data__organisation__country):
                            raise Invalid
                if "sector" in data__organisation_keys:
                    data__organisation_keys.remove("sector")
                    data__organisation__sector = data__organisation["sector"]
                    if not isinstance(data__organisation__sector, (str)):
                        raise Invalid
                    if not (isinstance(data__organisation__sector, str) and data__organisation__sector == 'private' or isinstance(data__organisation__sector, str) and data__organisation__sector == 'public_body' or isinstance(data__organisation__sector, str) and data__organisation__sector == 'private_public_service'):
                        raise Invalid
                if "agents" in data__organisation_keys:
                    data__organisation_keys.remove("agents")
                    data__organisation__agents = data__organisation["agents"]
                    if not isinstance(data__organisation__agents, (int)) and not (isinstance(data__organisation__agents, float) and data__organisation__agents.is_integer()) or isinstance(data__organisation__agents, bool):
                        raise Invalid
                    if isinstance(data__organisation__agents, (int, float)) and not isinstance(data__organisation__agents, bool):
                        if data__organisation__agents < 0:
                            raise Invalid
                if "inhabitants" in data__organisation_keys:
                    data__organisation_keys.remove("inhabitants")
                    data__organisation__inhabitants = data__organisation["inhabitants"]
                    if not isinstance(data__organisation__inhabitants, (int)) and not (isinstance(data__organisation__inhabitants, float) and data__organisation__inhabitants.is_integer()) or isinstance(data__organisation__inhabitants, bool):
                        raise Invalid
                    if isinstance(data__organisation__inhabitants, (int, float)) and not isinstance(data__organisation__inhabitants, bool):
                        if data__organisation__inhabitants < 0:
                            raise Invalid
                if "dpo" in data__organisation_keys:
                    data__organisation_keys.remove("dpo")
                    data__organisation__dpo = data__organisation["dpo"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_email(data__organisation__dpo, custom_formats)
                if data__organisation_keys:
                    raise Invalid
        if "uses" in data_keys:
            data_keys.remove("uses")
            data__uses = data["uses"]
            if not isinstance(data__uses, (list, tuple)):
                raise Invalid
            data__uses_is_list = isinstance(data__uses, (list, tuple))
            if data__uses_is_list:
                data__uses_len = len(data__uses)
                if data__uses_len < 1:
                    raise Invalid
                for data__uses_x, data__uses_item in enumerate(data__uses):
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_use(data__uses_item, custom_formats)
        if "waivers" in data_keys:
            data_keys.remove("waivers")
            data__waivers = data["waivers"]
            if not isinstance(data__waivers, (list, tuple)):
                raise Invalid
            data__waivers_is_list = isinstance(data__waivers, (list, tuple))
            if data__waivers_is_list:
                data__waivers_len = len(data__waivers)
                for data__waivers_x, data__waivers_item in enumerate(data__waivers):
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_waiver(data__waivers_item, custom_formats)
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_waiver(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['rule', 'use', 'reason', 'approved_by', 'until']) - data.keys()
        if data__missing_keys:
            raise Invalid
        data_keys = set(data.keys())
        if "rule" in data_keys:
            data_keys.remove("rule")
            data__rule = data["rule"]
            if not isinstance(data__rule, (str)):
                raise Invalid
            if isinstance(data__rule, str):
                data__rule_len = len(data__rule)
                if data__rule_len < 1:
                    raise Invalid
        if "use" in data_keys:
            data_keys.remove("use")
            data__use = data["use"]
            if not isinstance(data__use, (str)):
                raise Invalid
            if isinstance(data__use, str):
                if not REGEX_PATTERNS['^(\\*|[a-z0-9][a-z0-9-]*)(?=\\n?\\Z)'].search(data__use):
                    raise Invalid
        if "path" in data_keys:
            data_keys.remove("path")
            data__path = data["path"]
            if not isinstance(data__path, (str)):
                raise Invalid
            if isinstance(data__path, str):
                data__path_len = len(data__path)
                if data__path_len < 1:
                    raise Invalid
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            if not isinstance(data__reason, (str)):
                raise Invalid
            if isinstance(data__reason, str):
                data__reason_len = len(data__reason)
                if data__reason_len < 1:
                    raise Invalid
        if "approved_by" in data_keys:
            data_keys.remove("approved_by")
            data__approvedby = data["approved_by"]
            if not isinstance(data__approvedby, (str)):
                raise Invalid
            if isinstance(data__approvedby, str):
                data__approvedby_len = len(data__approvedby)
                if data__approvedby_len < 1:
                    raise Invalid
        if "until" in data_keys:
            data_keys.remove("until")
            data__until = data["until"]
            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__until, custom_formats)
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["date"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_use(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'status', 'owner', 'purpose', 'tool', 'data']) - data.keys()
        if data__missing_keys:
            raise Invalid
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_slug(data__id, custom_formats)
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise Invalid
            if isinstance(data__name, str):
                data__name_len = len(data__name)
                if data__name_len < 1:
                    raise Invalid
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not isinstance(data__status, (str)):
                raise Invalid
            if not (isinstance(data__status, str) and data__status == 'idea' or isinstance(data__status, str) and data__status == 'design' or isinstance(data__status, str) and data__status == 'pilot' or isinstance(data__status, str) and data__status == 'production' or isinstance(data__status, str) and data__status == 'retired'):
                raise Invalid
        if "dates" in data_keys:
            data_keys.remove("dates")
            data__dates = data["dates"]
            if not isinstance(data__dates, (dict)):
                raise Invalid
            data__dates_is_dict = isinstance(data__dates, dict)
            if data__dates_is_dict:
                data__dates_keys = set(data__dates.keys())
                if "start" in data__dates_keys:
                    data__dates_keys.remove("start")
                    data__dates__start = data__dates["start"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__dates__start, custom_formats)
                if "end" in data__dates_keys:
                    data__dates_keys.remove("end")
                    data__dates__end = data__dates["end"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__dates__end, custom_formats)
                if data__dates_keys:
                    raise Invalid
        if "owner" in data_keys:
            data_keys.remove("owner")
            data__owner = data["owner"]
            if not isinstance(data__owner, (dict)):
                raise Invalid
            data__owner_is_dict = isinstance(data__owner, dict)
            if data__owner_is_dict:
                data__owner__missing_keys = set(['accountable']) - data__owner.keys()
                if data__owner__missing_keys:
                    raise Invalid
                data__owner_keys = set(data__owner.keys())
                if "team" in data__owner_keys:
                    data__owner_keys.remove("team")
                    data__owner__team = data__owner["team"]
                    if not isinstance(data__owner__team, (str)):
                        raise Invalid
                if "accountable" in data__owner_keys:
                    data__owner_keys.remove("accountable")
                    data__owner__accountable = data__owner["accountable"]
                    if not isinstance(data__owner__accountable, (str)):
                        raise Invalid
                    if isinstance(data__owner__accountable, str):
                        data__owner__accountable_len = len(data__owner__accountable)
                        if data__owner__accountable_len < 1:
                            raise Invalid
                if "contact" in data__owner_keys:
                    data__owner_keys.remove("contact")
                    data__owner__contact = data__owner["contact"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_email(data__owner__contact, custom_formats)
                if data__owner_keys:
                    raise Invalid
        if "purpose" in data_keys:
            data_keys.remove("purpose")
            data__purpose = data["purpose"]
            if not isinstance(data__purpose, (dict)):
                raise Invalid
            data__purpose_is_dict = isinstance(data__purpose, dict)
            if data__purpose_is_dict:
                data__purpose__missing_keys = set(['need']) - data__purpose.keys()
                if data__purpose__missing_keys:
                    raise Invalid
                data__purpose_keys = set(data__purpose.keys())
                if "need" in data__purpose_keys:
                    data__purpose_keys.remove("need")
                    data__purpose__need = data__purpose["need"]
                    if not isinstance(data__purpose__need, (str)):
                        raise Invalid
                    if isinstance(data__purpose__need, str):
                        data__purpose__need_len = len(data__purpose__need)
                        if data__purpose__need_len < 1:
                            raise Invalid
                if "beneficiaries" in data__purpose_keys:
                    data__purpose_keys.remove("beneficiaries")
                    data__purpose__beneficiaries = data__purpose["beneficiaries"]
                    if not isinstance(data__purpose__beneficiaries, (list, tuple)):
                        raise Invalid
                    data__purpose__beneficiaries_is_list = isinstance(data__purpose__beneficiaries, (list, tuple))
                    if data__purpose__beneficiaries_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__purpose__beneficiaries_len = len(data__purpose__beneficiaries)
                        if data__purpose__beneficiaries_len > len(set(fn(data__purpose__beneficiaries_x) for data__purpose__beneficiaries_x in data__purpose__beneficiaries)):
                            raise Invalid
                        for data__purpose__beneficiaries_x, data__purpose__beneficiaries_item in enumerate(data__purpose__beneficiaries):
                            if not isinstance(data__purpose__beneficiaries_item, (str)):
                                raise Invalid
                            if not (isinstance(data__purpose__beneficiaries_item, str) and data__purpose__beneficiaries_item == 'clients' or isinstance(data__purpose__beneficiaries_item, str) and data__purpose__beneficiaries_item == 'staff' or isinstance(data__purpose__beneficiaries_item, str) and data__purpose__beneficiaries_item == 'agents' or isinstance(data__purpose__beneficiaries_item, str) and data__purpose__beneficiaries_item == 'residents' or isinstance(data__purpose__beneficiaries_item, str) and data__purpose__beneficiaries_item == 'users' or isinstance(data__purpose__beneficiaries_item, str) and data__purpose__beneficiaries_item == 'partners'):
                                raise Invalid
                if "benefits" in data__purpose_keys:
                    data__purpose_keys.remove("benefits")
                    data__purpose__benefits = data__purpose["benefits"]
                    if not isinstance(data__purpose__benefits, (str)):
                        raise Invalid
                if "alternatives" in data__purpose_keys:
                    data__purpose_keys.remove("alternatives")
                    data__purpose__alternatives = data__purpose["alternatives"]
                    if not isinstance(data__purpose__alternatives, (str)):
                        raise Invalid
                if data__purpose_keys:
                    raise Invalid
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (dict)):
                raise Invalid
            data__description_is_dict = isinstance(data__description, dict)
            if data__description_is_dict:
                data__description_keys = set(data__description.keys())
                if "does" in data__description_keys:
                    data__description_keys.remove("does")
                    data__description__does = data__description["does"]
                    if not isinstance(data__description__does, (str)):
                        raise Invalid
                if "how" in data__description_keys:
                    data__description_keys.remove("how")
                    data__description__how = data__description["how"]
                    if not isinstance(data__description__how, (str)):
                        raise Invalid
                if "does_not" in data__description_keys:
                    data__description_keys.remove("does_not")
                    data__description__doesnot = data__description["does_not"]
                    if not isinstance(data__description__doesnot, (str)):
                        raise Invalid
                if data__description_keys:
                    raise Invalid
        if "tool" in data_keys:
            data_keys.remove("tool")
            data__tool = data["tool"]
            if not isinstance(data__tool, (dict)):
                raise Invalid
            data__tool_is_dict = isinstance(data__tool, dict)
            if data__tool_is_dict:
                data__tool__missing_keys = set(['name']) - data__tool.keys()
                if data__tool__missing_keys:
                    raise Invalid
                data__tool_keys = set(data__tool.keys())
                if "name" in data__tool_keys:
                    data__tool_keys.remove("name")
                    data__tool__name = data__tool["name"]
                    if not isinstance(data__tool__name, (str)):
                        raise Invalid
                    if isinstance(data__tool__name, str):
                        data__tool__name_len = len(data__tool__name)
                        if data__tool__name_len < 1:
                            raise Invalid
                if "vendor" in data__tool_keys:
                    data__tool_keys.remove("vendor")
                    data__tool__vendor = data__tool["vendor"]
                    if not isinstance(data__tool__vendor, (str)):
                        raise Invalid
                if "approved" in data__tool_keys:
                    data__tool_keys.remove("approved")
                    data__tool__approved = data__tool["approved"]
                    if not isinstance(data__tool__approved, (str)):
                        raise Invalid
                    if isinstance(data__tool__approved, str):
                        data__tool__approved_len = len(data__tool__approved)
                        if data__tool__approved_len < 1:
                            raise Invalid
                if "hosting" in data__tool_keys:
                    data__tool_keys.remove("hosting")
                    data__tool__hosting = data__tool["hosting"]
                    if not isinstance(data__tool__hosting, (str)):
                        raise Invalid
                    if not (isinstance(data__tool__hosting, str) and data__tool__hosting == 'saas' or isinstance(data__tool__hosting, str) and data__tool__hosting == 'private_cloud' or isinstance(data__tool__hosting, str) and data__tool__hosting == 'self_hosted' or isinstance(data__tool__hosting, str) and data__tool__hosting == 'on_device'):
                        raise Invalid
                if "region" in data__tool_keys:
                    data__tool_keys.remove("region")
                    data__tool__region = data__tool["region"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_country(data__tool__region, custom_formats)
                if "trains_on_inputs" in data__tool_keys:
                    data__tool_keys.remove("trains_on_inputs")
                    data__tool__trainsoninputs = data__tool["trains_on_inputs"]
                    if not isinstance(data__tool__trainsoninputs, (bool)):
                        raise Invalid
                if "contract" in data__tool_keys:
                    data__tool_keys.remove("contract")
                    data__tool__contract = data__tool["contract"]
                    if not isinstance(data__tool__contract, (bool)):
                        raise Invalid
                if "exit_plan" in data__tool_keys:
                    data__tool_keys.remove("exit_plan")
                    data__tool__exitplan = data__tool["exit_plan"]
                    if not isinstance(data__tool__exitplan, (str)):
                        raise Invalid
                if data__tool_keys:
                    raise Invalid
        if "parties" in data_keys:
            data_keys.remove("parties")
            data__parties = data["parties"]
            if not isinstance(data__parties, (list, tuple)):
                raise Invalid
            data__parties_is_list = isinstance(data__parties, (list, tuple))
            if data__parties_is_list:
                data__parties_len = len(data__parties)
                for data__parties_x, data__parties_item in enumerate(data__parties):
                    if not isinstance(data__parties_item, (dict)):
                        raise Invalid
                    data__parties_item_is_dict = isinstance(data__parties_item, dict)
                    if data__parties_item_is_dict:
                        data__parties_item__missing_keys = set(['name', 'role']) - data__parties_item.keys()
                        if data__parties_item__missing_keys:
                            raise Invalid
                        data__parties_item_keys = set(data__parties_item.keys())
                        if "name" in data__parties_item_keys:
                            data__parties_item_keys.remove("name")
                            data__parties_item__name = data__parties_item["name"]
                            if not isinstance(data__parties_item__name, (str)):
                                raise Invalid
                            if isinstance(data__parties_item__name, str):
                                data__parties_item__name_len = len(data__parties_item__name)
                                if data__parties_item__name_len < 1:
                                    raise Invalid
                        if "role" in data__parties_item_keys:
                            data__parties_item_keys.remove("role")
                            data__parties_item__role = data__parties_item["role"]
                            if not isinstance(data__parties_item__role, (str)):
                                raise Invalid
                            if not (isinstance(data__parties_item__role, str) and data__parties_item__role == 'provider' or isinstance(data__parties_item__role, str) and data__parties_item__role == 'developer' or isinstance(data__parties_item__role, str) and data__parties_item__role == 'host' or isinstance(data__parties_item__role, str) and data__parties_item__role == 'processor' or isinstance(data__parties_item__role, str) and data__parties_item__role == 'contractor' or isinstance(data__parties_item__role, str) and data__parties_item__role == 'gateway'):
                                raise Invalid
                        if "region" in data__parties_item_keys:
                            data__parties_item_keys.remove("region")
                            data__parties_item__region = data__parties_item["region"]
                            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_country(data__parties_item__region, custom_formats)
                        if "contract" in data__parties_item_keys:
                            data__parties_item_keys.remove("contract")
                            data__parties_item__contract = data__parties_item["contract"]
                            if not isinstance(data__parties_item__contract, (bool)):
                                raise Invalid
                        if data__parties_item_keys:
                            raise Invalid
        if "model" in data_keys:
            data_keys.remove("model")
            data__model = data["model"]
            if not isinstance(data__model, (dict)):
                raise Invalid
            data__model_is_dict = isinstance(data__model, dict)
            if data__model_is_dict:
                data__model_keys = set(data__model.keys())
                if "name" in data__model_keys:
                    data__model_keys.remove("name")
                    data__model__name = data__model["name"]
                    if not isinstance(data__model__name, (str)):
                        raise Invalid
                    if isinstance(data__model__name, str):
                        data__model__name_len = len(data__model__name)
                        if data__model__name_len < 1:
                            raise Invalid
                if "params_b" in data__model_keys:
                    data__model_keys.remove("params_b")
                    data__model__paramsb = data__model["params_b"]
                    if not isinstance(data__model__paramsb, (int, float)) or isinstance(data__model__paramsb, bool):
                        raise Invalid
                    if isinstance(data__model__paramsb, (int, float)) and not isinstance(data__model__paramsb, bool):
                        if data__model__paramsb <= 0:
                            raise Invalid
                if "reasoning" in data__model_keys:
                    data__model_keys.remove("reasoning")
                    data__model__reasoning = data__model["reasoning"]
                    if not isinstance(data__model__reasoning, (bool)):
                        raise Invalid
                if data__model_keys:
                    raise Invalid
        if "algorithm" in data_keys:
            data_keys.remove("algorithm")
            data__algorithm = data["algorithm"]
            if not isinstance(data__algorithm, (dict)):
                raise Invalid
            data__algorithm_is_dict = isinstance(data__algorithm, dict)
            if data__algorithm_is_dict:
                data__algorithm_keys = set(data__algorithm.keys())
                if "type" in data__algorithm_keys:
                    data__algorithm_keys.remove("type")
                    data__algorithm__type = data__algorithm["type"]
                    if not isinstance(data__algorithm__type, (str)):
                        raise Invalid
                    if not (isinstance(data__algorithm__type, str) and data__algorithm__type == 'rules' or isinstance(data__algorithm__type, str) and data__algorithm__type == 'statistical' or isinstance(data__algorithm__type, str) and data__algorithm__type == 'machine_learning' or isinstance(data__algorithm__type, str) and data__algorithm__type == 'deep_learning' or isinstance(data__algorithm__type, str) and data__algorithm__type == 'generative' or isinstance(data__algorithm__type, str) and data__algorithm__type == 'mixed'):
                        raise Invalid
                if "training_data" in data__algorithm_keys:
                    data__algorithm_keys.remove("training_data")
                    data__algorithm__trainingdata = data__algorithm["training_data"]
                    if not isinstance(data__algorithm__trainingdata, (str)):
                        raise Invalid
                    if isinstance(data__algorithm__trainingdata, str):
                        data__algorithm__trainingdata_len = len(data__algorithm__trainingdata)
                        if data__algorithm__trainingdata_len < 1:
                            raise Invalid
                if "performance" in data__algorithm_keys:
                    data__algorithm_keys.remove("performance")
                    data__algorithm__performance = data__algorithm["performance"]
                    if not isinstance(data__algorithm__performance, (list, tuple)):
                        raise Invalid
                    data__algorithm__performance_is_list = isinstance(data__algorithm__performance, (list, tuple))
                    if data__algorithm__performance_is_list:
                        data__algorithm__performance_len = len(data__algorithm__performance)
                        for data__algorithm__performance_x, data__algorithm__performance_item in enumerate(data__algorithm__performance):
                            if not isinstance(data__algorithm__performance_item, (dict)):
                                raise Invalid
                            data__algorithm__performance_item_is_dict = isinstance(data__algorithm__performance_item, dict)
                            if data__algorithm__performance_item_is_dict:
                                data__algorithm__performance_item__missing_keys = set(['metric', 'value']) - data__algorithm__performance_item.keys()
                                if data__algorithm__performance_item__missing_keys:
                                    raise Invalid
                                data__algorithm__performance_item_keys = set(data__algorithm__performance_item.keys())
                                if "metric" in data__algorithm__performance_item_keys:
                                    data__algorithm__performance_item_keys.remove("metric")
                                    data__algorithm__performance_item__metric = data__algorithm__performance_item["metric"]
                                    if not isinstance(data__algorithm__performance_item__metric, (str)):
                                        raise Invalid
                                    if isinstance(data__algorithm__performance_item__metric, str):
                                        data__algorithm__performance_item__metric_len = len(data__algorithm__performance_item__metric)
                                        if data__algorithm__performance_item__metric_len < 1:
                                            raise Invalid
                                if "value" in data__algorithm__performance_item_keys:
                                    data__algorithm__performance_item_keys.remove("value")
                                    data__algorithm__performance_item__value = data__algorithm__performance_item["value"]
                                    if not isinstance(data__algorithm__performance_item__value, (int, float, str)) or isinstance(data__algorithm__performance_item__value, bool):
                                        raise Invalid
                                if "date" in data__algorithm__performance_item_keys:
                                    data__algorithm__performance_item_keys.remove("date")
                                    data__algorithm__performance_item__date = data__algorithm__performance_item["date"]
                                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__algorithm__performance_item__date, custom_formats)
                                if data__algorithm__performance_item_keys:
                                    raise Invalid
                if "code" in data__algorithm_keys:
                    data__algorithm_keys.remove("code")
                    data__algorithm__code = data__algorithm["code"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_url(data__algorithm__code, custom_formats)
                if data__algorithm_keys:
                    raise Invalid
        if "task" in data_keys:
            data_keys.remove("task")
            data__task = data["task"]
            if not isinstance(data__task, (str)):
                raise Invalid
            if not (isinstance(data__task, str) and data__task == 'classification' or isinstance(data__task, str) and data__task == 'extraction' or isinstance(data__task, str) and data__task == 'summarization' or isinstance(data__task, str) and data__task == 'translation' or isinstance(data__task, str) and data__task == 'search' or isinstance(data__task, str) and data__task == 'rag_qa' or isinstance(data__task, str) and data__task == 'drafting' or isinstance(data__task, str) and data__task == 'chat' or isinstance(data__task, str) and data__task == 'code_assist' or isinstance(data__task, str) and data__task == 'transcription' or isinstance(data__task, str) and data__task == 'image_analysis' or isinstance(data__task, str) and data__task == 'image_generation' or isinstance(data__task, str) and data__task == 'decision_support' or isinstance(data__task, str) and data__task == 'agentic' or isinstance(data__task, str) and data__task == 'other'):
                raise Invalid
        if "audience" in data_keys:
            data_keys.remove("audience")
            data__audience = data["audience"]
            if not isinstance(data__audience, (list, tuple)):
                raise Invalid
            data__audience_is_list = isinstance(data__audience, (list, tuple))
            if data__audience_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__audience_len = len(data__audience)
                if data__audience_len > len(set(fn(data__audience_x) for data__audience_x in data__audience)):
                    raise Invalid
                for data__audience_x, data__audience_item in enumerate(data__audience):
                    if not isinstance(data__audience_item, (str)):
                        raise Invalid
                    if not (isinstance(data__audience_item, str) and data__audience_item == 'staff' or isinstance(data__audience_item, str) and data__audience_item == 'clients' or isinstance(data__audience_item, str) and data__audience_item == 'public'):
                        raise Invalid
        if "settings" in data_keys:
            data_keys.remove("settings")
            data__settings = data["settings"]
            if not isinstance(data__settings, (list, tuple)):
                raise Invalid
            data__settings_is_list = isinstance(data__settings, (list, tuple))
            if data__settings_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__settings_len = len(data__settings)
                if data__settings_len > len(set(fn(data__settings_x) for data__settings_x in data__settings)):
                    raise Invalid
                for data__settings_x, data__settings_item in enumerate(data__settings):
                    if not isinstance(data__settings_item, (str)):
                        raise Invalid
                    if not (isinstance(data__settings_item, str) and data__settings_item == 'workplace' or isinstance(data__settings_item, str) and data__settings_item == 'education' or isinstance(data__settings_item, str) and data__settings_item == 'public_space' or isinstance(data__settings_item, str) and data__settings_item == 'commercial_premises' or isinstance(data__settings_item, str) and data__settings_item == 'online'):
                        raise Invalid
        if "domain" in data_keys:
            data_keys.remove("domain")
            data__domain = data["domain"]
            if not isinstance(data__domain, (list, tuple)):
                raise Invalid
            data__domain_is_list = isinstance(data__domain, (list, tuple))
            if data__domain_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__domain_len = len(data__domain)
                if data__domain_len > len(set(fn(data__domain_x) for data__domain_x in data__domain)):
                    raise Invalid
                for data__domain_x, data__domain_item in enumerate(data__domain):
                    if not isinstance(data__domain_item, (str)):
                        raise Invalid
                    if not (isinstance(data__domain_item, str) and data__domain_item == 'employment' or isinstance(data__domain_item, str) and data__domain_item == 'education' or isinstance(data__domain_item, str) and data__domain_item == 'credit' or isinstance(data__domain_item, str) and data__domain_item == 'insurance' or isinstance(data__domain_item, str) and data__domain_item == 'public_benefits' or isinstance(data__domain_item, str) and data__domain_item == 'emergency' or isinstance(data__domain_item, str) and data__domain_item == 'health' or isinstance(data__domain_item, str) and data__domain_item == 'housing' or isinstance(data__domain_item, str) and data__domain_item == 'law_enforcement' or isinstance(data__domain_item, str) and data__domain_item == 'migration' or isinstance(data__domain_item, str) and data__domain_item == 'justice' or isinstance(data__domain_item, str) and data__domain_item == 'elections' or isinstance(data__domain_item, str) and data__domain_item == 'critical_infrastructure' or isinstance(data__domain_item, str) and data__domain_item == 'marketing' or isinstance(data__domain_item, str) and data__domain_item == 'customer_service' or isinstance(data__domain_item, str) and data__domain_item == 'internal_productivity' or isinstance(data__domain_item, str) and data__domain_item == 'software' or isinstance(data__domain_item, str) and data__domain_item == 'other'):
                        raise Invalid
        if "capabilities" in data_keys:
            data_keys.remove("capabilities")
            data__capabilities = data["capabilities"]
            if not isinstance(data__capabilities, (list, tuple)):
                raise Invalid
            data__capabilities_is_list = isinstance(data__capabilities, (list, tuple))
            if data__capabilities_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__capabilities_len = len(data__capabilities)
                if data__capabilities_len > len(set(fn(data__capabilities_x) for data__capabilities_x in data__capabilities)):
                    raise Invalid
                for data__capabilities_x, data__capabilities_item in enumerate(data__capabilities):
                    if not isinstance(data__capabilities_item, (str)):
                        raise Invalid
                    if not (isinstance(data__capabilities_item, str) and data__capabilities_item == 'profiling' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'scoring' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'emotion_recognition' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'biometric_identification' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'biometric_categorisation' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'social_scoring' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'behaviour_manipulation' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'monitoring' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'content_generation' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'chatbot' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'deepfake' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'biometric_verification' or isinstance(data__capabilities_item, str) and data__capabilities_item == 'sentiment_analysis'):
                        raise Invalid
        if "interaction" in data_keys:
            data_keys.remove("interaction")
            data__interaction = data["interaction"]
            if not isinstance(data__interaction, (dict)):
                raise Invalid
            data__interaction_is_dict = isinstance(data__interaction, dict)
            if data__interaction_is_dict:
                data__interaction_keys = set(data__interaction.keys())
                if "disclosure" in data__interaction_keys:
                    data__interaction_keys.remove("disclosure")
                    data__interaction__disclosure = data__interaction["disclosure"]
                    if not isinstance(data__interaction__disclosure, (str)):
                        raise Invalid
                if "generates" in data__interaction_keys:
                    data__interaction_keys.remove("generates")
                    data__interaction__generates = data__interaction["generates"]
                    if not isinstance(data__interaction__generates, (list, tuple)):
                        raise Invalid
                    data__interaction__generates_is_list = isinstance(data__interaction__generates, (list, tuple))
                    if data__interaction__generates_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__interaction__generates_len = len(data__interaction__generates)
                        if data__interaction__generates_len > len(set(fn(data__interaction__generates_x) for data__interaction__generates_x in data__interaction__generates)):
                            raise Invalid
                        for data__interaction__generates_x, data__interaction__generates_item in enumerate(data__interaction__generates):
                            if not isinstance(data__interaction__generates_item, (str)):
                                raise Invalid
                            if not (isinstance(data__interaction__generates_item, str) and data__interaction__generates_item == 'text' or isinstance(data__interaction__generates_item, str) and data__interaction__generates_item == 'image' or isinstance(data__interaction__generates_item, str) and data__interaction__generates_item == 'audio' or isinstance(data__interaction__generates_item, str) and data__interaction__generates_item == 'video' or isinstance(data__interaction__generates_item, str) and data__interaction__generates_item == 'code'):
                                raise Invalid
                if "published" in data__interaction_keys:
                    data__interaction_keys.remove("published")
                    data__interaction__published = data__interaction["published"]
                    if not isinstance(data__interaction__published, (bool)):
                        raise Invalid
                if data__interaction_keys:
                    raise Invalid
        if "data" in data_keys:
            data_keys.remove("data")
            data__data = data["data"]
            if not isinstance(data__data, (dict)):
                raise Invalid
            data__data_is_dict = isinstance(data__data, dict)
            if data__data_is_dict:
                data__data__missing_keys = set(['personal']) - data__data.keys()
                if data__data__missing_keys:
                    raise Invalid
                data__data_keys = set(data__data.keys())
                if "personal" in data__data_keys:
                    data__data_keys.remove("personal")
                    data__data__personal = data__data["personal"]
                    if not isinstance(data__data__personal, (bool)):
                        raise Invalid
                if "categories" in data__data_keys:
                    data__data_keys.remove("categories")
                    data__data__categories = data__data["categories"]
                    if not isinstance(data__data__categories, (list, tuple)):
                        raise Invalid
                    data__data__categories_is_list = isinstance(data__data__categories, (list, tuple))
                    if data__data__categories_is_list:
                        data__data__categories_len = len(data__data__categories)
                        for data__data__categories_x, data__data__categories_item in enumerate(data__data__categories):
                            if not isinstance(data__data__categories_item, (str)):
                                raise Invalid
                            if isinstance(data__data__categories_item, str):
                                data__data__categories_item_len = len(data__data__categories_item)
                                if data__data__categories_item_len < 1:
                                    raise Invalid
                if "modalities" in data__data_keys:
                    data__data_keys.remove("modalities")
                    data__data__modalities = data__data["modalities"]
                    if not isinstance(data__data__modalities, (list, tuple)):
                        raise Invalid
                    data__data__modalities_is_list = isinstance(data__data__modalities, (list, tuple))
                    if data__data__modalities_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__data__modalities_len = len(data__data__modalities)
                        if data__data__modalities_len > len(set(fn(data__data__modalities_x) for data__data__modalities_x in data__data__modalities)):
                            raise Invalid
                        for data__data__modalities_x, data__data__modalities_item in enumerate(data__data__modalities):
                            if not isinstance(data__data__modalities_item, (str)):
                                raise Invalid
                            if not (isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'text' or isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'tabular' or isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'image' or isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'video' or isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'audio' or isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'biometric' or isinstance(data__data__modalities_item, str) and data__data__modalities_item == 'location'):
                                raise Invalid
                if "sources" in data__data_keys:
                    data__data_keys.remove("sources")
                    data__data__sources = data__data["sources"]
                    if not isinstance(data__data__sources, (list, tuple)):
                        raise Invalid
                    data__data__sources_is_list = isinstance(data__data__sources, (list, tuple))
                    if data__data__sources_is_list:
                        data__data__sources_len = len(data__data__sources)
                        for data__data__sources_x, data__data__sources_item in enumerate(data__data__sources):
                            if not isinstance(data__data__sources_item, (str)):
                                raise Invalid
                            if isinstance(data__data__sources_item, str):
                                data__data__sources_item_len = len(data__data__sources_item)
                                if data__data__sources_item_len < 1:
                                    raise Invalid
                if "special" in data__data_keys:
                    data__data_keys.remove("special")
                    data__data__special = data__data["special"]
                    if not isinstance(data__data__special, (list, tuple)):
                        raise Invalid
                    data__data__special_is_list = isinstance(data__data__special, (list, tuple))
                    if data__data__special_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__data__special_len = len(data__data__special)
                        if data__data__special_len > len(set(fn(data__data__special_x) for data__data__special_x in data__data__special)):
                            raise Invalid
                        for data__data__special_x, data__data__special_item in enumerate(data__data__special):
                            if not isinstance(data__data__special_item, (str)):
                                raise Invalid
                            if not (isinstance(data__data__special_item, str) and data__data__special_item == 'health' or isinstance(data__data__special_item, str) and data__data__special_item == 'ethnic_origin' or isinstance(data__data__special_item, str) and data__data__special_item == 'political' or isinstance(data__data__special_item, str) and data__data__special_item == 'religious' or isinstance(data__data__special_item, str) and data__data__special_item == 'union' or isinstance(data__data__special_item, str) and data__data__special_item == 'genetic' or isinstance(data__data__special_item, str) and data__data__special_item == 'biometric' or isinstance(data__data__special_item, str) and data__data__special_item == 'sex_life' or isinstance(data__data__special_item, str) and data__data__special_item == 'criminal'):
                                raise Invalid
                if "subjects" in data__data_keys:
                    data__data_keys.remove("subjects")
                    data__data__subjects = data__data["subjects"]
                    if not isinstance(data__data__subjects, (list, tuple)):
                        raise Invalid
                    data__data__subjects_is_list = isinstance(data__data__subjects, (list, tuple))
                    if data__data__subjects_is_list:
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        data__data__subjects_len = len(data__data__subjects)
                        if data__data__subjects_len > len(set(fn(data__data__subjects_x) for data__data__subjects_x in data__data__subjects)):
                            raise Invalid
                        for data__data__subjects_x, data__data__subjects_item in enumerate(data__data__subjects):
                            if not isinstance(data__data__subjects_item, (str)):
                                raise Invalid
                            if not (isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'staff' or isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'clients' or isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'public' or isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'minors' or isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'vulnerable' or isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'patients' or isinstance(data__data__subjects_item, str) and data__data__subjects_item == 'candidates'):
                                raise Invalid
                if "classification" in data__data_keys:
                    data__data_keys.remove("classification")
                    data__data__classification = data__data["classification"]
                    if not isinstance(data__data__classification, (str)):
                        raise Invalid
                    if not (isinstance(data__data__classification, str) and data__data__classification == 'public' or isinstance(data__data__classification, str) and data__data__classification == 'internal' or isinstance(data__data__classification, str) and data__data__classification == 'confidential' or isinstance(data__data__classification, str) and data__data__classification == 'secret'):
                        raise Invalid
                if "legal_basis" in data__data_keys:
                    data__data_keys.remove("legal_basis")
                    data__data__legalbasis = data__data["legal_basis"]
                    if not isinstance(data__data__legalbasis, (str)):
                        raise Invalid
                    if not (isinstance(data__data__legalbasis, str) and data__data__legalbasis == 'consent' or isinstance(data__data__legalbasis, str) and data__data__legalbasis == 'contract' or isinstance(data__data__legalbasis, str) and data__data__legalbasis == 'legal_obligation' or isinstance(data__data__legalbasis, str) and data__data__legalbasis == 'vital_interests' or isinstance(data__data__legalbasis, str) and data__data__legalbasis == 'public_task' or isinstance(data__data__legalbasis, str) and data__data__legalbasis == 'legitimate_interests'):
                        raise Invalid
                if "special_basis" in data__data_keys:
                    data__data_keys.remove("special_basis")
                    data__data__specialbasis = data__data["special_basis"]
                    if not isinstance(data__data__specialbasis, (str)):
                        raise Invalid
                    if not (isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'explicit_consent' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'employment_law' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'vital_interests' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'made_public' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'legal_claims' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'public_interest' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'health_care' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'public_health' or isinstance(data__data__specialbasis, str) and data__data__specialbasis == 'research'):
                        raise Invalid
                if "retention" in data__data_keys:
                    data__data_keys.remove("retention")
                    data__data__retention = data__data["retention"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_duration(data__data__retention, custom_formats)
                if "transfers" in data__data_keys:
                    data__data_keys.remove("transfers")
                    data__data__transfers = data__data["transfers"]
                    if not isinstance(data__data__transfers, (list, tuple)):
                        raise Invalid
                    data__data__transfers_is_list = isinstance(data__data__transfers, (list, tuple))
                    if data__data__transfers_is_list:
                        data__data__transfers_len = len(data__data__transfers)
                        for data__data__transfers_x, data__data__transfers_item in enumerate(data__data__transfers):
                            if not isinstance(data__data__transfers_item, (dict)):
                                raise Invalid
                            data__data__transfers_item_is_dict = isinstance(data__data__transfers_item, dict)
                            if data__data__transfers_item_is_dict:
                                data__data__transfers_item__missing_keys = set(['country', 'mechanism']) - data__data__transfers_item.keys()
                                if data__data__transfers_item__missing_keys:
                                    raise Invalid
                                data__data__transfers_item_keys = set(data__data__transfers_item.keys())
                                if "country" in data__data__transfers_item_keys:
                                    data__data__transfers_item_keys.remove("country")
                                    data__data__transfers_item__country = data__data__transfers_item["country"]
                                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_country(data__data__transfers_item__country, custom_formats)
                                if "mechanism" in data__data__transfers_item_keys:
                                    data__data__transfers_item_keys.remove("mechanism")
                                    data__data__transfers_item__mechanism = data__data__transfers_item["mechanism"]
                                    if not isinstance(data__data__transfers_item__mechanism, (str)):
                                        raise Invalid
                                    if not (isinstance(data__data__transfers_item__mechanism, str) and data__data__transfers_item__mechanism == 'adequacy' or isinstance(data__data__transfers_item__mechanism, str) and data__data__transfers_item__mechanism == 'dpf' or isinstance(data__data__transfers_item__mechanism, str) and data__data__transfers_item__mechanism == 'scc' or isinstance(data__data__transfers_item__mechanism, str) and data__data__transfers_item__mechanism == 'bcr' or isinstance(data__data__transfers_item__mechanism, str) and data__data__transfers_item__mechanism == 'derogation'):
                                        raise Invalid
                                if data__data__transfers_item_keys:
                                    raise Invalid
                if "scale" in data__data_keys:
                    data__data_keys.remove("scale")
                    data__data__scale = data__data["scale"]
                    if not isinstance(data__data__scale, (str)):
                        raise Invalid
                    if not (isinstance(data__data__scale, str) and data__data__scale == 'small' or isinstance(data__data__scale, str) and data__data__scale == 'large'):
                        raise Invalid
                if data__data_keys:
                    raise Invalid
        if "legal_texts" in data_keys:
            data_keys.remove("legal_texts")
            data__legaltexts = data["legal_texts"]
            if not isinstance(data__legaltexts, (list, tuple)):
                raise Invalid
            data__legaltexts_is_list = isinstance(data__legaltexts, (list, tuple))
            if data__legaltexts_is_list:
                data__legaltexts_len = len(data__legaltexts)
                for data__legaltexts_x, data__legaltexts_item in enumerate(data__legaltexts):
                    if not isinstance(data__legaltexts_item, (dict)):
                        raise Invalid
                    data__legaltexts_item_is_dict = isinstance(data__legaltexts_item, dict)
                    if data__legaltexts_item_is_dict:
                        data__legaltexts_item__missing_keys = set(['title']) - data__legaltexts_item.keys()
                        if data__legaltexts_item__missing_keys:
                            raise Invalid
                        data__legaltexts_item_keys = set(data__legaltexts_item.keys())
                        if "title" in data__legaltexts_item_keys:
                            data__legaltexts_item_keys.remove("title")
                            data__legaltexts_item__title = data__legaltexts_item["title"]
                            if not isinstance(data__legaltexts_item__title, (str)):
                                raise Invalid
                            if isinstance(data__legaltexts_item__title, str):
                                data__legaltexts_item__title_len = len(data__legaltexts_item__title)
                                if data__legaltexts_item__title_len < 1:
                                    raise Invalid
                        if "url" in data__legaltexts_item_keys:
                            data__legaltexts_item_keys.remove("url")
                            data__legaltexts_item__url = data__legaltexts_item["url"]
                            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_url(data__legaltexts_item__url, custom_formats)
                        if data__legaltexts_item_keys:
                            raise Invalid
        if "decision" in data_keys:
            data_keys.remove("decision")
            data__decision = data["decision"]
            if not isinstance(data__decision, (dict)):
                raise Invalid
            data__decision_is_dict = isinstance(data__decision, dict)
            if data__decision_is_dict:
                data__decision_keys = set(data__decision.keys())
                if "affects_individuals" in data__decision_keys:
                    data__decision_keys.remove("affects_individuals")
                    data__decision__affectsindividuals = data__decision["affects_individuals"]
                    if not isinstance(data__decision__affectsindividuals, (bool)):
                        raise Invalid
                if "automation" in data__decision_keys:
                    data__decision_keys.remove("automation")
                    data__decision__automation = data__decision["automation"]
                    if not isinstance(data__decision__automation, (str)):
                        raise Invalid
                    if not (isinstance(data__decision__automation, str) and data__decision__automation == 'none' or isinstance(data__decision__automation, str) and data__decision__automation == 'assist' or isinstance(data__decision__automation, str) and data__decision__automation == 'partial' or isinstance(data__decision__automation, str) and data__decision__automation == 'full'):
                        raise Invalid
                if "significant_effect" in data__decision_keys:
                    data__decision_keys.remove("significant_effect")
                    data__decision__significanteffect = data__decision["significant_effect"]
                    if not isinstance(data__decision__significanteffect, (bool)):
                        raise Invalid
                if "administrative" in data__decision_keys:
                    data__decision_keys.remove("administrative")
                    data__decision__administrative = data__decision["administrative"]
                    if not isinstance(data__decision__administrative, (bool)):
                        raise Invalid
                if "purpose" in data__decision_keys:
                    data__decision_keys.remove("purpose")
                    data__decision__purpose = data__decision["purpose"]
                    if not isinstance(data__decision__purpose, (str)):
                        raise Invalid
                    if not (isinstance(data__decision__purpose, str) and data__decision__purpose == 'eligibility' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'pricing' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'fraud_detection' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'enforcement' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'safeguarding' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'recruitment' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'work_management' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'admission' or isinstance(data__decision__purpose, str) and data__decision__purpose == 'other'):
                        raise Invalid
                if "stage" in data__decision_keys:
                    data__decision_keys.remove("stage")
                    data__decision__stage = data__decision["stage"]
                    if not isinstance(data__decision__stage, (str)):
                        raise Invalid
                    if not (isinstance(data__decision__stage, str) and data__decision__stage == 'selection' or isinstance(data__decision__stage, str) and data__decision__stage == 'prioritisation' or isinstance(data__decision__stage, str) and data__decision__stage == 'recommendation' or isinstance(data__decision__stage, str) and data__decision__stage == 'final'):
                        raise Invalid
                if "subjects_are" in data__decision_keys:
                    data__decision_keys.remove("subjects_are")
                    data__decision__subjectsare = data__decision["subjects_are"]
                    if not isinstance(data__decision__subjectsare, (str)):
                        raise Invalid
                    if not (isinstance(data__decision__subjectsare, str) and data__decision__subjectsare == 'natural_persons' or isinstance(data__decision__subjectsare, str) and data__decision__subjectsare == 'legal_persons' or isinstance(data__decision__subjectsare, str) and data__decision__subjectsare == 'both'):
                        raise Invalid
                if "per_year" in data__decision_keys:
                    data__decision_keys.remove("per_year")
                    data__decision__peryear = data__decision["per_year"]
                    if not isinstance(data__decision__peryear, (int)) and not (isinstance(data__decision__peryear, float) and data__decision__peryear.is_integer()) or isinstance(data__decision__peryear, bool):
                        raise Invalid
                    if isinstance(data__decision__peryear, (int, float)) and not isinstance(data__decision__peryear, bool):
                        if data__decision__peryear < 0:
                            raise Invalid
                if data__decision_keys:
                    raise Invalid
        if "oversight" in data_keys:
            data_keys.remove("oversight")
            data__oversight = data["oversight"]
            if not isinstance(data__oversight, (dict)):
                raise Invalid
            data__oversight_is_dict = isinstance(data__oversight, dict)
            if data__oversight_is_dict:
                data__oversight_keys = set(data__oversight.keys())
                if "reviewer" in data__oversight_keys:
                    data__oversight_keys.remove("reviewer")
                    data__oversight__reviewer = data__oversight["reviewer"]
                    if not isinstance(data__oversight__reviewer, (str)):
                        raise Invalid
                if "review" in data__oversight_keys:
                    data__oversight_keys.remove("review")
                    data__oversight__review = data__oversight["review"]
                    if not isinstance(data__oversight__review, (str)):
                        raise Invalid
                if "can_override" in data__oversight_keys:
                    data__oversight_keys.remove("can_override")
                    data__oversight__canoverride = data__oversight["can_override"]
                    if not isinstance(data__oversight__canoverride, (bool)):
                        raise Invalid
                if "content_review" in data__oversight_keys:
                    data__oversight_keys.remove("content_review")
                    data__oversight__contentreview = data__oversight["content_review"]
                    if not isinstance(data__oversight__contentreview, (bool)):
                        raise Invalid
                if data__oversight_keys:
                    raise Invalid
        if "code" in data_keys:
            data_keys.remove("code")
            data__code = data["code"]
            if not isinstance(data__code, (list, tuple)):
                raise Invalid
            data__code_is_list = isinstance(data__code, (list, tuple))
            if data__code_is_list:
                data__code_len = len(data__code)
                if data__code_len < 1:
                    raise Invalid
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__code_len > len(set(fn(data__code_x) for data__code_x in data__code)):
                    raise Invalid
                for data__code_x, data__code_item in enumerate(data__code):
                    if not isinstance(data__code_item, (str)):
                        raise Invalid
                    if isinstance(data__code_item, str):
                        data__code_item_len = len(data__code_item)
                        if data__code_item_len < 1:
                            raise Invalid
        if "recourse" in data_keys:
            data_keys.remove("recourse")
            data__recourse = data["recourse"]
            if not isinstance(data__recourse, (str)):
                raise Invalid
        if "transparency" in data_keys:
            data_keys.remove("transparency")
            data__transparency = data["transparency"]
            if not isinstance(data__transparency, (dict)):
                raise Invalid
            data__transparency_is_dict = isinstance(data__transparency, dict)
            if data__transparency_is_dict:
                data__transparency_keys = set(data__transparency.keys())
                if "mention" in data__transparency_keys:
                    data__transparency_keys.remove("mention")
                    data__transparency__mention = data__transparency["mention"]
                    if not isinstance(data__transparency__mention, (str)):
                        raise Invalid
                if "public_record" in data__transparency_keys:
                    data__transparency_keys.remove("public_record")
                    data__transparency__publicrecord = data__transparency["public_record"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_url(data__transparency__publicrecord, custom_formats)
                if data__transparency_keys:
                    raise Invalid
        if "assessments" in data_keys:
            data_keys.remove("assessments")
            data__assessments = data["assessments"]
            if not isinstance(data__assessments, (dict)):
                raise Invalid
            data__assessments_is_dict = isinstance(data__assessments, dict)
            if data__assessments_is_dict:
                data__assessments_keys = set(data__assessments.keys())
                if "dpia" in data__assessments_keys:
                    data__assessments_keys.remove("dpia")
                    data__assessments__dpia = data__assessments["dpia"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_assessment(data__assessments__dpia, custom_formats)
                if "fria" in data__assessments_keys:
                    data__assessments_keys.remove("fria")
                    data__assessments__fria = data__assessments["fria"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_assessment(data__assessments__fria, custom_formats)
                if "pre_project" in data__assessments_keys:
                    data__assessments_keys.remove("pre_project")
                    data__assessments__preproject = data__assessments["pre_project"]
                    if not isinstance(data__assessments__preproject, (dict)):
                        raise Invalid
                    data__assessments__preproject_is_dict = isinstance(data__assessments__preproject, dict)
                    if data__assessments__preproject_is_dict:
                        data__assessments__preproject_keys = set(data__assessments__preproject.keys())
                        if "date" in data__assessments__preproject_keys:
                            data__assessments__preproject_keys.remove("date")
                            data__assessments__preproject__date = data__assessments__preproject["date"]
                            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__assessments__preproject__date, custom_formats)
                        if "opportunities" in data__assessments__preproject_keys:
                            data__assessments__preproject_keys.remove("opportunities")
                            data__assessments__preproject__opportunities = data__assessments__preproject["opportunities"]
                            if not isinstance(data__assessments__preproject__opportunities, (str)):
                                raise Invalid
                        if "risks" in data__assessments__preproject_keys:
                            data__assessments__preproject_keys.remove("risks")
                            data__assessments__preproject__risks = data__assessments__preproject["risks"]
                            if not isinstance(data__assessments__preproject__risks, (str)):
                                raise Invalid
                        if "impact" in data__assessments__preproject_keys:
                            data__assessments__preproject_keys.remove("impact")
                            data__assessments__preproject__impact = data__assessments__preproject["impact"]
                            if not isinstance(data__assessments__preproject__impact, (str)):
                                raise Invalid
                        if data__assessments__preproject_keys:
                            raise Invalid
                if data__assessments_keys:
                    raise Invalid
        if "ai_act" in data_keys:
            data_keys.remove("ai_act")
            data__aiact = data["ai_act"]
            if not isinstance(data__aiact, (dict)):
                raise Invalid
            data__aiact_is_dict = isinstance(data__aiact, dict)
            if data__aiact_is_dict:
                data__aiact_keys = set(data__aiact.keys())
                if "category" in data__aiact_keys:
                    data__aiact_keys.remove("category")
                    data__aiact__category = data__aiact["category"]
                    if not isinstance(data__aiact__category, (str)):
                        raise Invalid
                    if not (isinstance(data__aiact__category, str) and data__aiact__category == 'prohibited' or isinstance(data__aiact__category, str) and data__aiact__category == 'high' or isinstance(data__aiact__category, str) and data__aiact__category == 'limited' or isinstance(data__aiact__category, str) and data__aiact__category == 'minimal'):
                        raise Invalid
                if "annex_iii" in data__aiact_keys:
                    data__aiact_keys.remove("annex_iii")
                    data__aiact__annexiii = data__aiact["annex_iii"]
                    if not isinstance(data__aiact__annexiii, (str, int)) and not (isinstance(data__aiact__annexiii, float) and data__aiact__annexiii.is_integer()) or isinstance(data__aiact__annexiii, bool):
                        raise Invalid
                    if isinstance(data__aiact__annexiii, str):
                        if not REGEX_PATTERNS['^[1-8]([a-h]|\\([a-h]\\))?(?=\\n?\\Z)'].search(data__aiact__annexiii):
                            raise Invalid
                    if isinstance(data__aiact__annexiii, (int, float)) and not isinstance(data__aiact__annexiii, bool):
                        if data__aiact__annexiii < 1:
                            raise Invalid
                        if data__aiact__annexiii > 8:
                            raise Invalid
                if "exemption" in data__aiact_keys:
                    data__aiact_keys.remove("exemption")
                    data__aiact__exemption = data__aiact["exemption"]
                    if not isinstance(data__aiact__exemption, (dict)):
                        raise Invalid
                    data__aiact__exemption_is_dict = isinstance(data__aiact__exemption, dict)
                    if data__aiact__exemption_is_dict:
                        data__aiact__exemption_keys = set(data__aiact__exemption.keys())
                        if "ground" in data__aiact__exemption_keys:
                            data__aiact__exemption_keys.remove("ground")
                            data__aiact__exemption__ground = data__aiact__exemption["ground"]
                            if not isinstance(data__aiact__exemption__ground, (str)):
                                raise Invalid
                            if not (isinstance(data__aiact__exemption__ground, str) and data__aiact__exemption__ground == 'a' or isinstance(data__aiact__exemption__ground, str) and data__aiact__exemption__ground == 'b' or isinstance(data__aiact__exemption__ground, str) and data__aiact__exemption__ground == 'c' or isinstance(data__aiact__exemption__ground, str) and data__aiact__exemption__ground == 'd'):
                                raise Invalid
                        if "justification" in data__aiact__exemption_keys:
                            data__aiact__exemption_keys.remove("justification")
                            data__aiact__exemption__justification = data__aiact__exemption["justification"]
                            if not isinstance(data__aiact__exemption__justification, (str)):
                                raise Invalid
                        if data__aiact__exemption_keys:
                            raise Invalid
                if "registration" in data__aiact_keys:
                    data__aiact_keys.remove("registration")
                    data__aiact__registration = data__aiact["registration"]
                    if not isinstance(data__aiact__registration, (str)):
                        raise Invalid
                if data__aiact_keys:
                    raise Invalid
        if "risks" in data_keys:
            data_keys.remove("risks")
            data__risks = data["risks"]
            if not isinstance(data__risks, (list, tuple)):
                raise Invalid
            data__risks_is_list = isinstance(data__risks, (list, tuple))
            if data__risks_is_list:
                data__risks_len = len(data__risks)
                for data__risks_x, data__risks_item in enumerate(data__risks):
                    if not isinstance(data__risks_item, (dict)):
                        raise Invalid
                    data__risks_item_is_dict = isinstance(data__risks_item, dict)
                    if data__risks_item_is_dict:
                        data__risks_item__missing_keys = set(['risk']) - data__risks_item.keys()
                        if data__risks_item__missing_keys:
                            raise Invalid
                        data__risks_item_keys = set(data__risks_item.keys())
                        if "risk" in data__risks_item_keys:
                            data__risks_item_keys.remove("risk")
                            data__risks_item__risk = data__risks_item["risk"]
                            if not isinstance(data__risks_item__risk, (str)):
                                raise Invalid
                            if isinstance(data__risks_item__risk, str):
                                data__risks_item__risk_len = len(data__risks_item__risk)
                                if data__risks_item__risk_len < 1:
                                    raise Invalid
                        if "mitigation" in data__risks_item_keys:
                            data__risks_item_keys.remove("mitigation")
                            data__risks_item__mitigation = data__risks_item["mitigation"]
                            if not isinstance(data__risks_item__mitigation, (str)):
                                raise Invalid
                        if "owner" in data__risks_item_keys:
                            data__risks_item_keys.remove("owner")
                            data__risks_item__owner = data__risks_item["owner"]
                            if not isinstance(data__risks_item__owner, (str)):
                                raise Invalid
                        if data__risks_item_keys:
                            raise Invalid
        if "inclusion" in data_keys:
            data_keys.remove("inclusion")
            data__inclusion = data["inclusion"]
            if not isinstance(data__inclusion, (dict)):
                raise Invalid
            data__inclusion_is_dict = isinstance(data__inclusion, dict)
            if data__inclusion_is_dict:
                data__inclusion_keys = set(data__inclusion.keys())
                if "groups" in data__inclusion_keys:
                    data__inclusion_keys.remove("groups")
                    data__inclusion__groups = data__inclusion["groups"]
                    if not isinstance(data__inclusion__groups, (list, tuple)):
                        raise Invalid
                    data__inclusion__groups_is_list = isinstance(data__inclusion__groups, (list, tuple))
                    if data__inclusion__groups_is_list:
                        data__inclusion__groups_len = len(data__inclusion__groups)
                        for data__inclusion__groups_x, data__inclusion__groups_item in enumerate(data__inclusion__groups):
                            if not isinstance(data__inclusion__groups_item, (str)):
                                raise Invalid
                            if isinstance(data__inclusion__groups_item, str):
                                data__inclusion__groups_item_len = len(data__inclusion__groups_item)
                                if data__inclusion__groups_item_len < 1:
                                    raise Invalid
                if "bias_testing" in data__inclusion_keys:
                    data__inclusion_keys.remove("bias_testing")
                    data__inclusion__biastesting = data__inclusion["bias_testing"]
                    if not isinstance(data__inclusion__biastesting, (dict)):
                        raise Invalid
                    data__inclusion__biastesting_is_dict = isinstance(data__inclusion__biastesting, dict)
                    if data__inclusion__biastesting_is_dict:
                        data__inclusion__biastesting_keys = set(data__inclusion__biastesting.keys())
                        if "date" in data__inclusion__biastesting_keys:
                            data__inclusion__biastesting_keys.remove("date")
                            data__inclusion__biastesting__date = data__inclusion__biastesting["date"]
                            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__inclusion__biastesting__date, custom_formats)
                        if "method" in data__inclusion__biastesting_keys:
                            data__inclusion__biastesting_keys.remove("method")
                            data__inclusion__biastesting__method = data__inclusion__biastesting["method"]
                            if not isinstance(data__inclusion__biastesting__method, (str)):
                                raise Invalid
                        if "result" in data__inclusion__biastesting_keys:
                            data__inclusion__biastesting_keys.remove("result")
                            data__inclusion__biastesting__result = data__inclusion__biastesting["result"]
                            if not isinstance(data__inclusion__biastesting__result, (str)):
                                raise Invalid
                        if data__inclusion__biastesting_keys:
                            raise Invalid
                if "accessibility" in data__inclusion_keys:
                    data__inclusion_keys.remove("accessibility")
                    data__inclusion__accessibility = data__inclusion["accessibility"]
                    if not isinstance(data__inclusion__accessibility, (dict)):
                        raise Invalid
                    data__inclusion__accessibility_is_dict = isinstance(data__inclusion__accessibility, dict)
                    if data__inclusion__accessibility_is_dict:
                        data__inclusion__accessibility_keys = set(data__inclusion__accessibility.keys())
                        if "standard" in data__inclusion__accessibility_keys:
                            data__inclusion__accessibility_keys.remove("standard")
                            data__inclusion__accessibility__standard = data__inclusion__accessibility["standard"]
                            if not isinstance(data__inclusion__accessibility__standard, (str)):
                                raise Invalid
                            if not (isinstance(data__inclusion__accessibility__standard, str) and data__inclusion__accessibility__standard == 'RGAA' or isinstance(data__inclusion__accessibility__standard, str) and data__inclusion__accessibility__standard == 'WCAG' or isinstance(data__inclusion__accessibility__standard, str) and data__inclusion__accessibility__standard == 'EN301549'):
                                raise Invalid
                        if "status" in data__inclusion__accessibility_keys:
                            data__inclusion__accessibility_keys.remove("status")
                            data__inclusion__accessibility__status = data__inclusion__accessibility["status"]
                            if not isinstance(data__inclusion__accessibility__status, (str)):
                                raise Invalid
                            if not (isinstance(data__inclusion__accessibility__status, str) and data__inclusion__accessibility__status == 'full' or isinstance(data__inclusion__accessibility__status, str) and data__inclusion__accessibility__status == 'partial' or isinstance(data__inclusion__accessibility__status, str) and data__inclusion__accessibility__status == 'none'):
                                raise Invalid
                        if "statement" in data__inclusion__accessibility_keys:
                            data__inclusion__accessibility_keys.remove("statement")
                            data__inclusion__accessibility__statement = data__inclusion__accessibility["statement"]
                            if not isinstance(data__inclusion__accessibility__statement, (str)):
                                raise Invalid
                        if data__inclusion__accessibility_keys:
                            raise Invalid
                if "alternative" in data__inclusion_keys:
                    data__inclusion_keys.remove("alternative")
                    data__inclusion__alternative = data__inclusion["alternative"]
                    if not isinstance(data__inclusion__alternative, (str)):
                        raise Invalid
                if data__inclusion_keys:
                    raise Invalid
        if "sobriety" in data_keys:
            data_keys.remove("sobriety")
            data__sobriety = data["sobriety"]
            if not isinstance(data__sobriety, (dict)):
                raise Invalid
            data__sobriety_is_dict = isinstance(data__sobriety, dict)
            if data__sobriety_is_dict:
                data__sobriety_keys = set(data__sobriety.keys())
                if "justification" in data__sobriety_keys:
                    data__sobriety_keys.remove("justification")
                    data__sobriety__justification = data__sobriety["justification"]
                    if not isinstance(data__sobriety__justification, (str)):
                        raise Invalid
                if "smaller_model_evaluated" in data__sobriety_keys:
                    data__sobriety_keys.remove("smaller_model_evaluated")
                    data__sobriety__smallermodelevaluated = data__sobriety["smaller_model_evaluated"]
                    if not isinstance(data__sobriety__smallermodelevaluated, (bool)):
                        raise Invalid
                if "calls_per_month" in data__sobriety_keys:
                    data__sobriety_keys.remove("calls_per_month")
                    data__sobriety__callspermonth = data__sobriety["calls_per_month"]
                    if not isinstance(data__sobriety__callspermonth, (int)) and not (isinstance(data__sobriety__callspermonth, float) and data__sobriety__callspermonth.is_integer()) or isinstance(data__sobriety__callspermonth, bool):
                        raise Invalid
                    if isinstance(data__sobriety__callspermonth, (int, float)) and not isinstance(data__sobriety__callspermonth, bool):
                        if data__sobriety__callspermonth < 0:
                            raise Invalid
                if "energy" in data__sobriety_keys:
                    data__sobriety_keys.remove("energy")
                    data__sobriety__energy = data__sobriety["energy"]
                    if not isinstance(data__sobriety__energy, (dict)):
                        raise Invalid
                    data__sobriety__energy_is_dict = isinstance(data__sobriety__energy, dict)
                    if data__sobriety__energy_is_dict:
                        data__sobriety__energy_keys = set(data__sobriety__energy.keys())
                        if "kwh_month" in data__sobriety__energy_keys:
                            data__sobriety__energy_keys.remove("kwh_month")
                            data__sobriety__energy__kwhmonth = data__sobriety__energy["kwh_month"]
                            if not isinstance(data__sobriety__energy__kwhmonth, (int, float)) or isinstance(data__sobriety__energy__kwhmonth, bool):
                                raise Invalid
                            if isinstance(data__sobriety__energy__kwhmonth, (int, float)) and not isinstance(data__sobriety__energy__kwhmonth, bool):
                                if data__sobriety__energy__kwhmonth < 0:
                                    raise Invalid
                        if "method" in data__sobriety__energy_keys:
                            data__sobriety__energy_keys.remove("method")
                            data__sobriety__energy__method = data__sobriety__energy["method"]
                            if not isinstance(data__sobriety__energy__method, (str)):
                                raise Invalid
                        if data__sobriety__energy_keys:
                            raise Invalid
                if data__sobriety_keys:
                    raise Invalid
        if "work" in data_keys:
            data_keys.remove("work")
            data__work = data["work"]
            if not isinstance(data__work, (dict)):
                raise Invalid
            data__work_is_dict = isinstance(data__work, dict)
            if data__work_is_dict:
                data__work_keys = set(data__work.keys())
                if "impact" in data__work_keys:
                    data__work_keys.remove("impact")
                    data__work__impact = data__work["impact"]
                    if not isinstance(data__work__impact, (str)):
                        raise Invalid
                    if not (isinstance(data__work__impact, str) and data__work__impact == 'none' or isinstance(data__work__impact, str) and data__work__impact == 'role_change' or isinstance(data__work__impact, str) and data__work__impact == 'headcount_reduction'):
                        raise Invalid
                if "tasks" in data__work_keys:
                    data__work_keys.remove("tasks")
                    data__work__tasks = data__work["tasks"]
                    if not isinstance(data__work__tasks, (list, tuple)):
                        raise Invalid
                    data__work__tasks_is_list = isinstance(data__work__tasks, (list, tuple))
                    if data__work__tasks_is_list:
                        data__work__tasks_len = len(data__work__tasks)
                        for data__work__tasks_x, data__work__tasks_item in enumerate(data__work__tasks):
                            if not isinstance(data__work__tasks_item, (str)):
                                raise Invalid
                            if isinstance(data__work__tasks_item, str):
                                data__work__tasks_item_len = len(data__work__tasks_item)
                                if data__work__tasks_item_len < 1:
                                    raise Invalid
                if "staff_informed" in data__work_keys:
                    data__work_keys.remove("staff_informed")
                    data__work__staffinformed = data__work["staff_informed"]
                    if not isinstance(data__work__staffinformed, (dict)):
                        raise Invalid
                    data__work__staffinformed_is_dict = isinstance(data__work__staffinformed, dict)
                    if data__work__staffinformed_is_dict:
                        data__work__staffinformed_keys = set(data__work__staffinformed.keys())
                        if "date" in data__work__staffinformed_keys:
                            data__work__staffinformed_keys.remove("date")
                            data__work__staffinformed__date = data__work__staffinformed["date"]
                            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__work__staffinformed__date, custom_formats)
                        if "body" in data__work__staffinformed_keys:
                            data__work__staffinformed_keys.remove("body")
                            data__work__staffinformed__body = data__work__staffinformed["body"]
                            if not isinstance(data__work__staffinformed__body, (str)):
                                raise Invalid
                        if data__work__staffinformed_keys:
                            raise Invalid
                if "staff_consulted" in data__work_keys:
                    data__work_keys.remove("staff_consulted")
                    data__work__staffconsulted = data__work["staff_consulted"]
                    if not isinstance(data__work__staffconsulted, (dict)):
                        raise Invalid
                    data__work__staffconsulted_is_dict = isinstance(data__work__staffconsulted, dict)
                    if data__work__staffconsulted_is_dict:
                        data__work__staffconsulted_keys = set(data__work__staffconsulted.keys())
                        if "date" in data__work__staffconsulted_keys:
                            data__work__staffconsulted_keys.remove("date")
                            data__work__staffconsulted__date = data__work__staffconsulted["date"]
                            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__work__staffconsulted__date, custom_formats)
                        if "body" in data__work__staffconsulted_keys:
                            data__work__staffconsulted_keys.remove("body")
                            data__work__staffconsulted__body = data__work__staffconsulted["body"]
                            if not isinstance(data__work__staffconsulted__body, (str)):
                                raise Invalid
                        if data__work__staffconsulted_keys:
                            raise Invalid
                if data__work_keys:
                    raise Invalid
        if "cooperation" in data_keys:
            data_keys.remove("cooperation")
            data__cooperation = data["cooperation"]
            if not isinstance(data__cooperation, (dict)):
                raise Invalid
            data__cooperation_is_dict = isinstance(data__cooperation, dict)
            if data__cooperation_is_dict:
                data__cooperation_keys = set(data__cooperation.keys())
                if "shared_in" in data__cooperation_keys:
                    data__cooperation_keys.remove("shared_in")
                    data__cooperation__sharedin = data__cooperation["shared_in"]
                    if not isinstance(data__cooperation__sharedin, (list, tuple)):
                        raise Invalid
                    data__cooperation__sharedin_is_list = isinstance(data__cooperation__sharedin, (list, tuple))
                    if data__cooperation__sharedin_is_list:
                        data__cooperation__sharedin_len = len(data__cooperation__sharedin)
                        for data__cooperation__sharedin_x, data__cooperation__sharedin_item in enumerate(data__cooperation__sharedin):
                            if not isinstance(data__cooperation__sharedin_item, (str)):
                                raise Invalid
                            if isinstance(data__cooperation__sharedin_item, str):
                                data__cooperation__sharedin_item_len = len(data__cooperation__sharedin_item)
                                if data__cooperation__sharedin_item_len < 1:
                                    raise Invalid
                if "lessons" in data__cooperation_keys:
                    data__cooperation_keys.remove("lessons")
                    data__cooperation__lessons = data__cooperation["lessons"]
                    if not isinstance(data__cooperation__lessons, (str)):
                        raise Invalid
                if data__cooperation_keys:
                    raise Invalid
        if "review" in data_keys:
            data_keys.remove("review")
            data__review = data["review"]
            if not isinstance(data__review, (dict)):
                raise Invalid
            data__review_is_dict = isinstance(data__review, dict)
            if data__review_is_dict:
                data__review_keys = set(data__review.keys())
                if "last" in data__review_keys:
                    data__review_keys.remove("last")
                    data__review__last = data__review["last"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__review__last, custom_formats)
                if "every" in data__review_keys:
                    data__review_keys.remove("every")
                    data__review__every = data__review["every"]
                    validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_duration(data__review__every, custom_formats)
                if data__review_keys:
                    raise Invalid
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_assessment(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not isinstance(data__status, (str)):
                raise Invalid
            if not (isinstance(data__status, str) and data__status == 'done' or isinstance(data__status, str) and data__status == 'todo' or isinstance(data__status, str) and data__status == 'not_required'):
                raise Invalid
        if "ref" in data_keys:
            data_keys.remove("ref")
            data__ref = data["ref"]
            if not isinstance(data__ref, (str)):
                raise Invalid
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_date(data__date, custom_formats)
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            if not isinstance(data__reason, (str)):
                raise Invalid
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_duration(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["duration"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_url(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["url"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_country(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["country"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["slug"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_ai_usage_schema_json___defs_email(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["email"](data):
            raise Invalid
    return data


validate = validate_https___charte_lint_org_schemas_ai_usage_schema_json
