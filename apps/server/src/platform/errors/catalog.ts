import type { Locale } from "@sanshe/contracts";

/** One stable error code: its HTTP status and its zh-CN/en title and detail. */
export type ErrorEntry = { status: number; "zh-CN": [title: string, detail: string]; en: [title: string, detail: string] };

/**
 * Declares error codes with their texts. A module keeps its own codes in its `errors.ts`, lists them in
 * its manifest (`errors`), and adds them to {@link ErrorCodes} by declaration merging so that
 * `new AppError("CODE")` is checked at compile time.
 */
export function defineErrors<const T extends Record<string, ErrorEntry>>(errors: T): T {
  return errors;
}

/**
 * The platform's stable error codes (validation, sessions, access, storage, concurrency) and those
 * shared by several modules or the standards adapters. `{name}` placeholders are filled from the
 * error's params. Clients match on the code, never the text.
 */
export const platformErrors = defineErrors({
  /** A body, query or path field failed validation; `errors[]` lists the fields. */
  VALIDATION_FAILED: {
    status: 400,
    "zh-CN": ["请求数据有误", "请检查标出的字段。"],
    en: ["Invalid request", "Please check the fields marked."],
  },
  /** The body is not valid JSON, or carries a forbidden key such as __proto__. */
  MALFORMED_REQUEST: {
    status: 400,
    "zh-CN": ["请求格式错误", "请求体不是有效的 JSON，或含有不允许的键。"],
    en: ["Malformed request", "The body is not valid JSON or contains a forbidden key."],
  },
  /** No session, or it expired. */
  UNAUTHENTICATED: {
    status: 401,
    "zh-CN": ["需要登录", "请先登录，或登录已过期。"],
    en: ["Sign-in required", "Please sign in; your session may have expired."],
  },
  /** Not answered any more (sign-in answers INVALID_CREDENTIALS while locked); kept so old clients still know the code. */
  ACCOUNT_LOCKED: {
    status: 423,
    "zh-CN": ["账号已锁定", "登录失败次数过多，账号已临时锁定，请于 {until} 后再试。"],
    en: ["Account locked", "Too many failed sign-ins; the account is locked until {until}."],
  },
  /** The caller's roles do not allow this action. */
  FORBIDDEN: { status: 403, "zh-CN": ["无权操作", "您的角色无权执行此操作。"], en: ["Forbidden", "Your role does not allow this action."] },
  /** A grant would give a role or scope wider than the administrator's own. */
  SCOPE_EXCEEDED: {
    status: 403,
    "zh-CN": ["超出授权范围", "不能授予超出您本人管辖范围的角色或辖区。"],
    en: ["Beyond your scope", "You cannot grant a role or area wider than your own."],
  },
  /** The record does not exist or lies outside the caller's jurisdiction. */
  NOT_FOUND: {
    status: 404,
    "zh-CN": ["未找到", "记录不存在，或不在您的管辖范围内。"],
    en: ["Not found", "The record does not exist or is outside your jurisdiction."],
  },
  /** The version sent is not the current one; `current` carries the fresh copy. */
  VERSION_CONFLICT: {
    status: 409,
    "zh-CN": ["数据已被修改", "该记录已被他人修改，请查看最新内容后重试。"],
    en: ["Edited meanwhile", "Someone else changed this record; review the current copy and try again."],
  },
  /** A unique rule of the database refused the write. */
  CONFLICT: { status: 409, "zh-CN": ["数据冲突", "与已有记录冲突。"], en: ["Conflict", "This conflicts with an existing record."] },
  /** A request with this Idempotency-Key is still being processed. */
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    "zh-CN": ["请求处理中", "相同的请求正在处理，请稍后重试。"],
    en: ["Request in progress", "The same request is still being processed; retry shortly."],
  },
  /** The Idempotency-Key was used before for a different request. */
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    "zh-CN": ["幂等键重复", "该 Idempotency-Key 已用于另一个不同的请求。"],
    en: ["Idempotency key reused", "This Idempotency-Key was already used for a different request."],
  },
  /** The area code is well-formed but no such area is registered. */
  AREA_UNKNOWN: {
    status: 400,
    "zh-CN": ["区划代码不存在", "区划代码 {code} 不存在。"],
    en: ["Unknown area", "There is no area with code {code}."],
  },
  /** The organization does not exist or is outside the caller's scope. */
  ORGANIZATION_UNKNOWN: {
    status: 400,
    "zh-CN": ["组织不存在", "所选组织不存在或不在您的管辖范围内。"],
    en: ["Unknown organization", "The organization does not exist or is outside your scope."],
  },
  /** "Import everything" was asked while the report still lists bad rows. */
  IMPORT_HAS_ERRORS: {
    status: 409,
    "zh-CN": ["仍有错误", "还有 {count} 行错误：请修正后重新上传，或选择“仅导入有效行”。"],
    en: ["Errors remain", "{count} rows still have errors: fix and upload again, or choose to import only the valid rows."],
  },
  /** No import or export of this kind exists. */
  UNKNOWN_KIND: {
    status: 404,
    "zh-CN": ["不支持的类型", "没有这种导入或导出。"],
    en: ["Unknown kind", "There is no such import or export."],
  },
  /** The need is not marked done, so it cannot be confirmed yet. */
  /** Open311: the api_key is missing, unknown or disabled. */
  OPEN311_KEY_INVALID: {
    status: 403,
    "zh-CN": ["接口密钥无效", "api_key 缺失、不正确或已停用。"],
    en: ["Invalid API key", "The api_key is missing, wrong or disabled."],
  },
  /** Open311: a request must name the community (jurisdiction_id, 12 digits); there is no geocoder. */
  OPEN311_JURISDICTION_REQUIRED: {
    status: 400,
    "zh-CN": ["缺少社区编码", "请在 jurisdiction_id 中填写 12 位社区（村居）区划代码。"],
    en: ["Community required", "Give the 12-digit community code in jurisdiction_id."],
  },
  /** Open311: the jurisdiction lies outside the API client's scope. */
  OPEN311_JURISDICTION_OUTSIDE: {
    status: 403,
    "zh-CN": ["超出接口授权范围", "该社区不在此接口客户端的授权辖区内。"],
    en: ["Outside the client's scope", "This community is outside the API client's area."],
  },
  /** The body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: {
    status: 413,
    "zh-CN": ["内容过大", "请求内容超过允许的大小。"],
    en: ["Payload too large", "The request body is larger than allowed."],
  },
  /** The Content-Type is not accepted by this endpoint. */
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    "zh-CN": ["格式不支持", "不支持该内容类型。"],
    en: ["Unsupported media type", "This content type is not accepted."],
  },
  /** Too many requests from this client; retry after the Retry-After seconds. */
  RATE_LIMITED: {
    status: 429,
    "zh-CN": ["请求过于频繁", "请求过于频繁，请稍后再试。"],
    en: ["Too many requests", "Too many requests; please retry later."],
  },
  /** The database cannot be reached; retryable. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    "zh-CN": ["服务暂不可用", "数据库暂时无法连接，请稍后重试。"],
    en: ["Service unavailable", "The database is unreachable; please retry shortly."],
  },
  /** A statement ran past the statement timeout; retryable. */
  DATABASE_TIMEOUT: {
    status: 503,
    "zh-CN": ["服务繁忙", "数据库响应超时，请稍后重试。"],
    en: ["Service busy", "The database took too long; please retry shortly."],
  },
  /** The server is overloaded (its event loop lags); retryable after Retry-After. */
  OVERLOADED: {
    status: 503,
    "zh-CN": ["服务繁忙", "当前访问量过大，请稍后重试。"],
    en: ["Server busy", "The server is under heavy load; please retry shortly."],
  },
  /** The route does not exist. */
  ROUTE_NOT_FOUND: { status: 404, "zh-CN": ["接口不存在", "没有这个接口。"], en: ["No such endpoint", "There is no such endpoint."] },
  /** An unexpected server fault; the request id helps the operators find it. */
  INTERNAL: {
    status: 500,
    "zh-CN": ["服务器错误", "服务器内部错误，请稍后重试或联系管理员。"],
    en: ["Server error", "An internal error occurred; retry later or contact the administrator."],
  },
  // --- storage faults (issue 14) ---
  /** The server's disk is (nearly) full: writes are refused until space is freed; reads go on. Retryable later. */
  STORAGE_FULL: {
    status: 507,
    "zh-CN": ["存储空间不足", "服务器存储空间不足，暂时无法保存数据；查询不受影响。请联系管理员释放空间后重试。"],
    en: [
      "Insufficient storage",
      "The server is out of disk space and cannot save data for now; reading still works. Retry after the administrator frees space.",
    ],
  },
  /** A cookie-authenticated write came from a page of another site (Origin or Referer of a foreign host). */
  ORIGIN_REFUSED: {
    status: 403,
    "zh-CN": ["来源不被接受", "该请求来自其他网站的页面，已拒绝。"],
    en: ["Origin refused", "The request came from a page of another site and was refused."],
  },
  /** The body is not valid UTF-8 (malformed byte sequence). */
  BODY_ENCODING_INVALID: {
    status: 400,
    "zh-CN": ["请求编码错误", "请求体不是有效的 UTF-8 编码。"],
    en: ["Invalid encoding", "The request body is not valid UTF-8."],
  },
});

/** Every error code: the platform's, merged with each module's (`declare module` in its errors.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ErrorCodes extends Record<keyof typeof platformErrors, true> {}
export type ErrorCode = Extract<keyof ErrorCodes, string>;

const catalog = new Map<string, ErrorEntry>(Object.entries(platformErrors));

/** Adds a module's codes to the catalog (from its manifest); a code declared twice is a startup error. */
export function registerErrors(owner: string, errors: Record<string, ErrorEntry>): void {
  for (const [code, entry] of Object.entries(errors)) {
    const existing = catalog.get(code);
    if (existing && existing !== entry) {
      throw new Error(`Error code ${code} of ${owner} is declared twice`);
    }
    catalog.set(code, entry);
  }
}

/** True for a code some manifest registered. */
export function isRegisteredError(code: string): code is ErrorCode {
  return catalog.has(code);
}

/** The status and texts of a code. A code no manifest registered is a programming error. */
export function errorEntry(code: ErrorCode): ErrorEntry {
  const entry = catalog.get(code);
  if (!entry) {
    throw new Error(`Error code ${code} is not registered: list the module's errors in its manifest`);
  }
  return entry;
}

/** The localized detail of an error code, its placeholders filled from params. */
export function errorDetail(code: ErrorCode, locale: Locale, params?: Record<string, string | number>): string {
  return localize(errorEntry(code)[locale][1], params);
}

/** Messages for field problems (`errors[].message`), keyed by issue code. */
export const fieldMessages: Record<string, Record<Locale, string>> = {
  required: { "zh-CN": "必填", en: "Required" },
  invalid_type: { "zh-CN": "类型不正确", en: "Wrong type" },
  too_small: { "zh-CN": "太短或太小", en: "Too short or too small" },
  too_big: { "zh-CN": "太长或太大", en: "Too long or too large" },
  invalid_format: { "zh-CN": "格式不正确", en: "Invalid format" },
  invalid_value: { "zh-CN": "取值不在允许范围内", en: "Not an allowed value" },
  unrecognized_keys: { "zh-CN": "包含不允许的字段", en: "Contains fields that are not allowed" },
  TEXT_FORBIDDEN_CHARACTER: { "zh-CN": "含有不允许的控制字符或零宽字符", en: "Contains control or zero-width characters" },
  INVALID_AREA_CODE: { "zh-CN": "区划代码应为 2、4、6、9 或 12 位数字", en: "An area code has 2, 4, 6, 9 or 12 digits" },
  INVALID_ID_NUMBER: {
    "zh-CN": "身份证号码无效（长度、出生日期或校验位不正确）",
    en: "Invalid ID number (length, birth date or check digit)",
  },
  ID_NUMBER_LEGACY: {
    "zh-CN": "不支持 15 位旧身份证号码，请填写 18 位号码",
    en: "15-digit legacy ID numbers are not accepted; use the 18-digit number",
  },
  INVALID_USCC: {
    "zh-CN": "统一社会信用代码无效（字符或校验位不正确）",
    en: "Invalid unified social credit code (characters or check digit)",
  },
  USCC_FORM_MISMATCH: {
    "zh-CN": "统一社会信用代码与组织形式不符（社会团体 51、民办非企业单位 52、基金会 53 开头）",
    en: "The credit code does not match the legal form (association 51, private non-enterprise 52, foundation 53)",
  },
  COMMUNITY_REQUIRED: { "zh-CN": "须为社区（12 位代码）", en: "Must be a community (12-digit code)" },
  INVALID_PHONE: { "zh-CN": "电话号码无效", en: "Invalid phone number" },
  INVALID_COMMUNITY_CODE: { "zh-CN": "社区代码应为 12 位数字", en: "A community code has 12 digits" },
  NEGATIVE_AREA: { "zh-CN": "面积不能为负数", en: "The area cannot be negative" },
  INVALID_AREA_M2: { "zh-CN": "面积应为数字，最多两位小数", en: "The area is a number with at most two decimals" },
  INVALID_FACILITY_TYPE: { "zh-CN": "设施类型不正确（如 文体活动室、会议室）", en: "Unknown facility type (e.g. 文体活动室, 会议室)" },
  INVALID_YES_NO: { "zh-CN": "请填写“是”或“否”", en: "Use 是 (yes) or 否 (no)" },
  MEETING_AREA_LEVEL: { "zh-CN": "联席会议由街道（9 位）或社区（12 位）召集", en: "A street (9 digits) or community (12 digits) convenes" },
  MEETING_ENDS_BEFORE_START: { "zh-CN": "结束时间须晚于开始时间", en: "The end must be after the start" },
  MEETING_FACILITY_OUTSIDE: { "zh-CN": "该场所不在会议所属辖区", en: "The facility lies outside the meeting's area" },
  INVITEE_UNKNOWN: { "zh-CN": "找不到该用户或组织", en: "No such active user or organization" },
  INVITEE_NAME_REQUIRED: { "zh-CN": "请填写名称", en: "Give a name" },
  AGENDA_CATEGORY_UNKNOWN: { "zh-CN": "需求类别不存在", en: "Unknown need category" },
  AGENDA_REFERRAL_OUTSIDE: { "zh-CN": "该转介不在会议所属辖区", en: "The referral lies outside the meeting's area" },
  AGENDA_LINK_REQUIRED: { "zh-CN": "请选择关联的项目或征集", en: "Choose the project or call" },
  AGENDA_LINK_OUTSIDE: {
    "zh-CN": "该项目或征集不存在，或与会议所属辖区无关",
    en: "No such project or call related to the meeting's area",
  },
  AGENDA_ITEM_UNKNOWN: { "zh-CN": "该议题不属于本次会议", en: "Not an agenda item of this meeting" },
  DELEGATE_NAME_REQUIRED: { "zh-CN": "请填写代参会人姓名", en: "Give the delegate's name" },
  OWNER_UNKNOWN: { "zh-CN": "找不到该责任人或责任单位", en: "No such active owner or organization" },
  OWNER_COMMUNITY_OUTSIDE: { "zh-CN": "责任社区须为会议辖区内的社区", en: "The owner community must be a community of the meeting's area" },
  OWNER_DEPARTMENT_OUTSIDE: {
    "zh-CN": "责任部门须为街道会议所在街道、区或市的部门",
    en: "The owner department must belong to the street, district or city of a street meeting",
  },
  OWNER_NOT_IN_UNIT: { "zh-CN": "责任人须为所选责任单位的人员", en: "The person responsible must belong to the chosen unit" },
  EVIDENCE_OUTSIDE: { "zh-CN": "该记录不在督办事项所属辖区", en: "The record lies outside the action item's area" },
  PASSWORD_TOO_SHORT: { "zh-CN": "密码至少 10 位", en: "At least 10 characters" },
  PASSWORD_TOO_WEAK: { "zh-CN": "密码须同时包含字母和数字", en: "Use both letters and digits" },
  LOGIN_FORMAT: {
    "zh-CN": "登录名为 3–64 位小写字母、数字、点、横线或下划线",
    en: "3–64 lowercase letters, digits, dot, dash or underscore",
  },
  INVALID_CERTIFICATE_NO: { "zh-CN": "证书编号为 4–32 位字母、数字或横线", en: "4–32 letters, digits or dashes" },
  CERTIFICATE_NO_REQUIRED: {
    "zh-CN": "证书编号必填（导入以证书编号识别社工）",
    en: "Required: imports identify social workers by certificate number",
  },
  HOURS_ONE_DECIMAL: { "zh-CN": "学时最多保留一位小数", en: "At most one decimal place" },
  END_BEFORE_START: { "zh-CN": "结束日期不能早于开始日期", en: "The end date is before the start date" },
  INVALID_LEVEL: { "zh-CN": "等级应为 一般工作人员、助理社会工作师、社会工作师 或 高级社会工作师", en: "Unknown level" },
  INVALID_GENDER: { "zh-CN": "性别应为 男 或 女", en: "Gender must be 男 or 女" },
  INVALID_STATUS: { "zh-CN": "状态应为 在岗 或 离职", en: "Status must be 在岗 or 离职" },
  UNKNOWN_GROUP: { "zh-CN": "人群类别不认识", en: "Unknown group" },
  UNKNOWN_RELATION: { "zh-CN": "与户主关系不认识", en: "Unknown relation to the head" },
  DATE_IN_FUTURE: { "zh-CN": "日期不能晚于今天", en: "The date cannot be in the future" },
  CONSENT_DATE_REQUIRED: { "zh-CN": "依据为本人同意时须填写同意日期", en: "Give the date of consent" },
  custom: { "zh-CN": "取值无效", en: "Invalid value" },
  // --- Hardening (issue 14) ---
  FIELD_NOT_EDITABLE: { "zh-CN": "只能由登记管理机关修改", en: "Only the registering authority may change this" },
  LONE_SURROGATE: { "zh-CN": "含有无效的字符（孤立的代理项）", en: "Contains an invalid character (lone surrogate)" },
  NUL_CHARACTER: { "zh-CN": "含有无效的空字符（NUL）", en: "Contains a NUL character" },
  DATE_OUT_OF_RANGE: { "zh-CN": "日期超出合理范围", en: "The date is outside the plausible range" },
  // --- Refusals of demands never admitted (issue 16) ---
  REFUSAL_TASK_OR_DEMAND: {
    "zh-CN": "拒绝系统内的未准入事项时不填写系统外事项的信息",
    en: "Refusing a task in Sanshe takes no off-system demand fields",
  },
  REFUSAL_DEMAND_FIELD_REQUIRED: { "zh-CN": "登记系统外事项时须填写", en: "Required for a demand received off-system" },
  // --- Funding ledger (issue 16) ---
  SOURCE_REQUIRED: { "zh-CN": "收入须填写资金来源", en: "Money in needs a source" },
  SOURCE_SYSTEM_ONLY: {
    "zh-CN": "政府购买和任务经费由系统自动记入，不能手工登记",
    en: "Government purchase and task funding are written by the system, not by hand",
  },
  PURPOSE_REQUIRED: { "zh-CN": "支出须填写用途", en: "Money out needs a purpose" },
  SOURCE_ONLY_FOR_IN: { "zh-CN": "只有收入填写资金来源", en: "Only money in has a source" },
  PURPOSE_ONLY_FOR_OUT: { "zh-CN": "只有支出填写用途", en: "Only money out has a purpose" },
  ONE_HOLDER: { "zh-CN": "社区和组织只能指定一个", en: "Name a community or an organization, not both" },
  COMMUNITY_CODE: { "zh-CN": "社区代码应为 12 位数字", en: "A community code has 12 digits" },
  INVALID_HOLDER: { "zh-CN": "应为 12 位社区代码或 18 位统一社会信用代码", en: "A 12-digit community code or an 18-character credit code" },
  INVALID_DIRECTION: { "zh-CN": "收支应为 收入 或 支出", en: "Use 收入 (in) or 支出 (out)" },
  INVALID_AMOUNT: { "zh-CN": "金额应为正数，最多两位小数（元）", en: "A positive amount in yuan, two decimals at most" },
  INVALID_SOURCE: {
    "zh-CN": "收入来源应为 政府补贴、自营收入、社会捐赠、企业资助、居民自筹 或 基金会资助",
    en: "Unknown or system-only source of money in",
  },
  INVALID_PURPOSE: { "zh-CN": "支出用途应为 人员、活动、服务、行政事务、项目、运转 或 其他", en: "Unknown purpose of money out" },
};

export function localize(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
