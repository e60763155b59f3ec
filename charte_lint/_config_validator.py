"""Generated from schemas/config.schema.json by fastjsonschema 2.22.3: do not edit.

Regenerate with `python -m charte_lint.schema --regenerate` after changing the schema or
charte_lint.schema's FORMATS; tests/test_validation.py fails while this file is stale.
`validate(document, FORMATS)` raises `Invalid` when the document breaks the schema.
"""


class Invalid(ValueError):
    """The document breaks the schema (jsonschema says where and why)."""


VERSION = "2.22.3"


NoneType = type(None)

def validate_https___charte_lint_org_schemas_config_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "extends" in data_keys:
            data_keys.remove("extends")
            data__extends = data["extends"]
            if not isinstance(data__extends, (str, list, tuple)):
                raise Invalid
            if isinstance(data__extends, str):
                data__extends_len = len(data__extends)
                if data__extends_len < 1:
                    raise Invalid
            data__extends_is_list = isinstance(data__extends, (list, tuple))
            if data__extends_is_list:
                data__extends_len = len(data__extends)
                for data__extends_x, data__extends_item in enumerate(data__extends):
                    if not isinstance(data__extends_item, (str)):
                        raise Invalid
                    if isinstance(data__extends_item, str):
                        data__extends_item_len = len(data__extends_item)
                        if data__extends_item_len < 1:
                            raise Invalid
        if "approved_tools" in data_keys:
            data_keys.remove("approved_tools")
            data__approvedtools = data["approved_tools"]
            if not isinstance(data__approvedtools, (list, tuple)):
                raise Invalid
            data__approvedtools_is_list = isinstance(data__approvedtools, (list, tuple))
            if data__approvedtools_is_list:
                data__approvedtools_len = len(data__approvedtools)
                for data__approvedtools_x, data__approvedtools_item in enumerate(data__approvedtools):
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_approved_tool(data__approvedtools_item, custom_formats)
        if "max_model_tier" in data_keys:
            data_keys.remove("max_model_tier")
            data__maxmodeltier = data["max_model_tier"]
            if not isinstance(data__maxmodeltier, (dict)):
                raise Invalid
            data__maxmodeltier_is_dict = isinstance(data__maxmodeltier, dict)
            if data__maxmodeltier_is_dict:
                data__maxmodeltier_keys = set(data__maxmodeltier.keys())
                if "classification" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("classification")
                    data__maxmodeltier__classification = data__maxmodeltier["classification"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__classification, custom_formats)
                if "extraction" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("extraction")
                    data__maxmodeltier__extraction = data__maxmodeltier["extraction"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__extraction, custom_formats)
                if "summarization" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("summarization")
                    data__maxmodeltier__summarization = data__maxmodeltier["summarization"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__summarization, custom_formats)
                if "translation" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("translation")
                    data__maxmodeltier__translation = data__maxmodeltier["translation"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__translation, custom_formats)
                if "search" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("search")
                    data__maxmodeltier__search = data__maxmodeltier["search"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__search, custom_formats)
                if "rag_qa" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("rag_qa")
                    data__maxmodeltier__ragqa = data__maxmodeltier["rag_qa"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__ragqa, custom_formats)
                if "drafting" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("drafting")
                    data__maxmodeltier__drafting = data__maxmodeltier["drafting"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__drafting, custom_formats)
                if "chat" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("chat")
                    data__maxmodeltier__chat = data__maxmodeltier["chat"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__chat, custom_formats)
                if "code_assist" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("code_assist")
                    data__maxmodeltier__codeassist = data__maxmodeltier["code_assist"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__codeassist, custom_formats)
                if "transcription" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("transcription")
                    data__maxmodeltier__transcription = data__maxmodeltier["transcription"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__transcription, custom_formats)
                if "image_analysis" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("image_analysis")
                    data__maxmodeltier__imageanalysis = data__maxmodeltier["image_analysis"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__imageanalysis, custom_formats)
                if "image_generation" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("image_generation")
                    data__maxmodeltier__imagegeneration = data__maxmodeltier["image_generation"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__imagegeneration, custom_formats)
                if "decision_support" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("decision_support")
                    data__maxmodeltier__decisionsupport = data__maxmodeltier["decision_support"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__decisionsupport, custom_formats)
                if "agentic" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("agentic")
                    data__maxmodeltier__agentic = data__maxmodeltier["agentic"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__agentic, custom_formats)
                if "other" in data__maxmodeltier_keys:
                    data__maxmodeltier_keys.remove("other")
                    data__maxmodeltier__other = data__maxmodeltier["other"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__maxmodeltier__other, custom_formats)
                if data__maxmodeltier_keys:
                    raise Invalid
        if "models" in data_keys:
            data_keys.remove("models")
            data__models = data["models"]
            if not isinstance(data__models, (dict)):
                raise Invalid
            data__models_is_dict = isinstance(data__models, dict)
            if data__models_is_dict:
                data__models_keys = set(data__models.keys())
                for data__models_key in data__models_keys:
                    if data__models_key not in []:
                        data__models_value = data__models.get(data__models_key)
                        validate_https___charte_lint_org_schemas_config_schema_json___defs_model(data__models_value, custom_formats)
        if "review_every" in data_keys:
            data_keys.remove("review_every")
            data__reviewevery = data["review_every"]
            if not isinstance(data__reviewevery, (str)):
                raise Invalid
            if isinstance(data__reviewevery, str):
                if not custom_formats["duration"](data__reviewevery):
                    raise Invalid
        if "max_file_size_mib" in data_keys:
            data_keys.remove("max_file_size_mib")
            data__maxfilesizemib = data["max_file_size_mib"]
            if not isinstance(data__maxfilesizemib, (int)) and not (isinstance(data__maxfilesizemib, float) and data__maxfilesizemib.is_integer()) or isinstance(data__maxfilesizemib, bool):
                raise Invalid
            if isinstance(data__maxfilesizemib, (int, float)) and not isinstance(data__maxfilesizemib, bool):
                if data__maxfilesizemib < 1:
                    raise Invalid
                if data__maxfilesizemib > 1024:
                    raise Invalid
        if "legal_dates" in data_keys:
            data_keys.remove("legal_dates")
            data__legaldates = data["legal_dates"]
            if not isinstance(data__legaldates, (dict)):
                raise Invalid
            data__legaldates_is_dict = isinstance(data__legaldates, dict)
            if data__legaldates_is_dict:
                data__legaldates_keys = set(data__legaldates.keys())
                if "ai_interaction_notice" in data__legaldates_keys:
                    data__legaldates_keys.remove("ai_interaction_notice")
                    data__legaldates__aiinteractionnotice = data__legaldates["ai_interaction_notice"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__aiinteractionnotice, custom_formats)
                if "algorithm_mention" in data__legaldates_keys:
                    data__legaldates_keys.remove("algorithm_mention")
                    data__legaldates__algorithmmention = data__legaldates["algorithm_mention"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__algorithmmention, custom_formats)
                if "algorithm_publication" in data__legaldates_keys:
                    data__legaldates_keys.remove("algorithm_publication")
                    data__legaldates__algorithmpublication = data__legaldates["algorithm_publication"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__algorithmpublication, custom_formats)
                if "automated_administrative_decision" in data__legaldates_keys:
                    data__legaldates_keys.remove("automated_administrative_decision")
                    data__legaldates__automatedadministrativedecision = data__legaldates["automated_administrative_decision"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__automatedadministrativedecision, custom_formats)
                if "automated_decision" in data__legaldates_keys:
                    data__legaldates_keys.remove("automated_decision")
                    data__legaldates__automateddecision = data__legaldates["automated_decision"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__automateddecision, custom_formats)
                if "automated_decision_information" in data__legaldates_keys:
                    data__legaldates_keys.remove("automated_decision_information")
                    data__legaldates__automateddecisioninformation = data__legaldates["automated_decision_information"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__automateddecisioninformation, custom_formats)
                if "automated_decision_special" in data__legaldates_keys:
                    data__legaldates_keys.remove("automated_decision_special")
                    data__legaldates__automateddecisionspecial = data__legaldates["automated_decision_special"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__automateddecisionspecial, custom_formats)
                if "criminal_data" in data__legaldates_keys:
                    data__legaldates_keys.remove("criminal_data")
                    data__legaldates__criminaldata = data__legaldates["criminal_data"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__criminaldata, custom_formats)
                if "deepfake_disclosure" in data__legaldates_keys:
                    data__legaldates_keys.remove("deepfake_disclosure")
                    data__legaldates__deepfakedisclosure = data__legaldates["deepfake_disclosure"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__deepfakedisclosure, custom_formats)
                if "dpia" in data__legaldates_keys:
                    data__legaldates_keys.remove("dpia")
                    data__legaldates__dpia = data__legaldates["dpia"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__dpia, custom_formats)
                if "emotion_biometric_notice" in data__legaldates_keys:
                    data__legaldates_keys.remove("emotion_biometric_notice")
                    data__legaldates__emotionbiometricnotice = data__legaldates["emotion_biometric_notice"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__emotionbiometricnotice, custom_formats)
                if "eu_registration" in data__legaldates_keys:
                    data__legaldates_keys.remove("eu_registration")
                    data__legaldates__euregistration = data__legaldates["eu_registration"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__euregistration, custom_formats)
                if "fria" in data__legaldates_keys:
                    data__legaldates_keys.remove("fria")
                    data__legaldates__fria = data__legaldates["fria"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__fria, custom_formats)
                if "high_risk" in data__legaldates_keys:
                    data__legaldates_keys.remove("high_risk")
                    data__legaldates__highrisk = data__legaldates["high_risk"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__highrisk, custom_formats)
                if "inform_affected_persons" in data__legaldates_keys:
                    data__legaldates_keys.remove("inform_affected_persons")
                    data__legaldates__informaffectedpersons = data__legaldates["inform_affected_persons"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__informaffectedpersons, custom_formats)
                if "inform_workers" in data__legaldates_keys:
                    data__legaldates_keys.remove("inform_workers")
                    data__legaldates__informworkers = data__legaldates["inform_workers"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__informworkers, custom_formats)
                if "legal_basis" in data__legaldates_keys:
                    data__legaldates_keys.remove("legal_basis")
                    data__legaldates__legalbasis = data__legaldates["legal_basis"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__legalbasis, custom_formats)
                if "legitimate_interests_public_authority" in data__legaldates_keys:
                    data__legaldates_keys.remove("legitimate_interests_public_authority")
                    data__legaldates__legitimateinterestspublicauthority = data__legaldates["legitimate_interests_public_authority"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__legitimateinterestspublicauthority, custom_formats)
                if "processor_contract" in data__legaldates_keys:
                    data__legaldates_keys.remove("processor_contract")
                    data__legaldates__processorcontract = data__legaldates["processor_contract"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__processorcontract, custom_formats)
                if "prohibited_practices" in data__legaldates_keys:
                    data__legaldates_keys.remove("prohibited_practices")
                    data__legaldates__prohibitedpractices = data__legaldates["prohibited_practices"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__prohibitedpractices, custom_formats)
                if "published_text_disclosure" in data__legaldates_keys:
                    data__legaldates_keys.remove("published_text_disclosure")
                    data__legaldates__publishedtextdisclosure = data__legaldates["published_text_disclosure"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__publishedtextdisclosure, custom_formats)
                if "special_categories" in data__legaldates_keys:
                    data__legaldates_keys.remove("special_categories")
                    data__legaldates__specialcategories = data__legaldates["special_categories"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__specialcategories, custom_formats)
                if "staff_consultation" in data__legaldates_keys:
                    data__legaldates_keys.remove("staff_consultation")
                    data__legaldates__staffconsultation = data__legaldates["staff_consultation"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__staffconsultation, custom_formats)
                if "storage_limitation" in data__legaldates_keys:
                    data__legaldates_keys.remove("storage_limitation")
                    data__legaldates__storagelimitation = data__legaldates["storage_limitation"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__storagelimitation, custom_formats)
                if "transfers" in data__legaldates_keys:
                    data__legaldates_keys.remove("transfers")
                    data__legaldates__transfers = data__legaldates["transfers"]
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data__legaldates__transfers, custom_formats)
                if data__legaldates_keys:
                    raise Invalid
        if "select" in data_keys:
            data_keys.remove("select")
            data__select = data["select"]
            if not isinstance(data__select, (list, tuple)):
                raise Invalid
            data__select_is_list = isinstance(data__select, (list, tuple))
            if data__select_is_list:
                data__select_len = len(data__select)
                for data__select_x, data__select_item in enumerate(data__select):
                    if not isinstance(data__select_item, (str)):
                        raise Invalid
                    if isinstance(data__select_item, str):
                        data__select_item_len = len(data__select_item)
                        if data__select_item_len < 1:
                            raise Invalid
        if "ignore" in data_keys:
            data_keys.remove("ignore")
            data__ignore = data["ignore"]
            if not isinstance(data__ignore, (list, tuple)):
                raise Invalid
            data__ignore_is_list = isinstance(data__ignore, (list, tuple))
            if data__ignore_is_list:
                data__ignore_len = len(data__ignore)
                for data__ignore_x, data__ignore_item in enumerate(data__ignore):
                    if not isinstance(data__ignore_item, (str)):
                        raise Invalid
                    if isinstance(data__ignore_item, str):
                        data__ignore_item_len = len(data__ignore_item)
                        if data__ignore_item_len < 1:
                            raise Invalid
        if "severity" in data_keys:
            data_keys.remove("severity")
            data__severity = data["severity"]
            if not isinstance(data__severity, (dict)):
                raise Invalid
            data__severity_is_dict = isinstance(data__severity, dict)
            if data__severity_is_dict:
                data__severity_keys = set(data__severity.keys())
                for data__severity_key in data__severity_keys:
                    if data__severity_key not in []:
                        data__severity_value = data__severity.get(data__severity_key)
                        if not isinstance(data__severity_value, (str)):
                            raise Invalid
                        if not (isinstance(data__severity_value, str) and data__severity_value == 'error' or isinstance(data__severity_value, str) and data__severity_value == 'warning' or isinstance(data__severity_value, str) and data__severity_value == 'info'):
                            raise Invalid
        if "options" in data_keys:
            data_keys.remove("options")
            data__options = data["options"]
            if not isinstance(data__options, (dict)):
                raise Invalid
            data__options_is_dict = isinstance(data__options, dict)
            if data__options_is_dict:
                data__options_keys = set(data__options.keys())
                for data__options_key in data__options_keys:
                    if data__options_key not in []:
                        data__options_value = data__options.get(data__options_key)
                        if not isinstance(data__options_value, (dict)):
                            raise Invalid
                        data__options_value_is_dict = isinstance(data__options_value, dict)
                        if data__options_value_is_dict:
                            data__options_value_keys = set(data__options_value.keys())
                            for data__options_value_key in data__options_value_keys:
                                if data__options_value_key not in []:
                                    data__options_value_value = data__options_value.get(data__options_value_key)
                                    if not isinstance(data__options_value_value, (str, int, float, bool, list, tuple)):
                                        raise Invalid
        if "fail_on" in data_keys:
            data_keys.remove("fail_on")
            data__failon = data["fail_on"]
            if not isinstance(data__failon, (str)):
                raise Invalid
            if not (isinstance(data__failon, str) and data__failon == 'error' or isinstance(data__failon, str) and data__failon == 'warning' or isinstance(data__failon, str) and data__failon == 'info'):
                raise Invalid
        if "exclude" in data_keys:
            data_keys.remove("exclude")
            data__exclude = data["exclude"]
            if not isinstance(data__exclude, (list, tuple)):
                raise Invalid
            data__exclude_is_list = isinstance(data__exclude, (list, tuple))
            if data__exclude_is_list:
                data__exclude_len = len(data__exclude)
                for data__exclude_x, data__exclude_item in enumerate(data__exclude):
                    if not isinstance(data__exclude_item, (str)):
                        raise Invalid
                    if isinstance(data__exclude_item, str):
                        data__exclude_item_len = len(data__exclude_item)
                        if data__exclude_item_len < 1:
                            raise Invalid
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["date"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_model(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "params_b" in data_keys:
            data_keys.remove("params_b")
            data__paramsb = data["params_b"]
            if not isinstance(data__paramsb, (int, float)) or isinstance(data__paramsb, bool):
                raise Invalid
            if isinstance(data__paramsb, (int, float)) and not isinstance(data__paramsb, bool):
                if data__paramsb <= 0:
                    raise Invalid
        if "tier" in data_keys:
            data_keys.remove("tier")
            data__tier = data["tier"]
            validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data__tier, custom_formats)
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_tier(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if not (isinstance(data, str) and data == 'small' or isinstance(data, str) and data == 'medium' or isinstance(data, str) and data == 'large' or isinstance(data, str) and data == 'frontier'):
        raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_approved_tool(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise Invalid
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise Invalid
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___charte_lint_org_schemas_config_schema_json___defs_slug(data__id, custom_formats)
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise Invalid
            if isinstance(data__name, str):
                data__name_len = len(data__name)
                if data__name_len < 1:
                    raise Invalid
        if "vendor" in data_keys:
            data_keys.remove("vendor")
            data__vendor = data["vendor"]
            if not isinstance(data__vendor, (str)):
                raise Invalid
        if "data" in data_keys:
            data_keys.remove("data")
            data__data = data["data"]
            if not isinstance(data__data, (list, tuple)):
                raise Invalid
            data__data_is_list = isinstance(data__data, (list, tuple))
            if data__data_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__data_len = len(data__data)
                if data__data_len > len(set(fn(data__data_x) for data__data_x in data__data)):
                    raise Invalid
                for data__data_x, data__data_item in enumerate(data__data):
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_classification(data__data_item, custom_formats)
        if "personal_data" in data_keys:
            data_keys.remove("personal_data")
            data__personaldata = data["personal_data"]
            if not isinstance(data__personaldata, (bool)):
                raise Invalid
        if "special_data" in data_keys:
            data_keys.remove("special_data")
            data__specialdata = data["special_data"]
            if not isinstance(data__specialdata, (bool)):
                raise Invalid
        if "regions" in data_keys:
            data_keys.remove("regions")
            data__regions = data["regions"]
            if not isinstance(data__regions, (list, tuple)):
                raise Invalid
            data__regions_is_list = isinstance(data__regions, (list, tuple))
            if data__regions_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__regions_len = len(data__regions)
                if data__regions_len > len(set(fn(data__regions_x) for data__regions_x in data__regions)):
                    raise Invalid
                for data__regions_x, data__regions_item in enumerate(data__regions):
                    validate_https___charte_lint_org_schemas_config_schema_json___defs_country(data__regions_item, custom_formats)
        if data_keys:
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_country(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["country"](data):
            raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_classification(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if not (isinstance(data, str) and data == 'public' or isinstance(data, str) and data == 'internal' or isinstance(data, str) and data == 'confidential' or isinstance(data, str) and data == 'secret'):
        raise Invalid
    return data

def validate_https___charte_lint_org_schemas_config_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise Invalid
    if isinstance(data, str):
        if not custom_formats["slug"](data):
            raise Invalid
    return data


validate = validate_https___charte_lint_org_schemas_config_schema_json
