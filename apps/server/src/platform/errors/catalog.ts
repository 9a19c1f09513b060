import type { Locale } from "@sanshe/contracts";

type Entry = { status: number; "zh-CN": [title: string, detail: string]; en: [title: string, detail: string] };

/**
 * Every stable error code Sanshe answers with, its HTTP status and its zh-CN/en title and detail.
 * `{name}` placeholders are filled from the error's params. Clients match on the code, never the text.
 */
export const errorCatalog = {
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
  /**
   * Login name or password is wrong; also for disabled and locked accounts, so the answer never tells
   * which logins exist.
   */
  INVALID_CREDENTIALS: {
    status: 401,
    "zh-CN": ["登录失败", "账号或密码不正确；连续多次失败后账号将被临时锁定。"],
    en: ["Sign-in failed", "The login or password is incorrect; after repeated failures the account is locked for a while."],
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
  /** Nobody may change their own memberships or disable themselves. */
  SELF_MEMBERSHIP_EDIT: {
    status: 403,
    "zh-CN": ["不能修改本人权限", "不能修改自己的角色、辖区或账号状态。"],
    en: ["Cannot edit yourself", "You cannot change your own roles, scope or status."],
  },
  /** The record does not exist or lies outside the caller's jurisdiction. */
  NOT_FOUND: {
    status: 404,
    "zh-CN": ["未找到", "记录不存在，或不在您的管辖范围内。"],
    en: ["Not found", "The record does not exist or is outside your jurisdiction."],
  },
  /** The login name is already used by another account. */
  LOGIN_TAKEN: { status: 409, "zh-CN": ["账号已存在", "该登录名已被使用。"], en: ["Login taken", "This login name is already in use."] },
  /** The same role and scope is already granted to this user. */
  MEMBERSHIP_EXISTS: {
    status: 409,
    "zh-CN": ["角色已存在", "该用户已拥有此角色和辖区。"],
    en: ["Membership exists", "The user already holds this role in this area."],
  },
  /** The version sent is not the current one; `current` carries the fresh copy. */
  VERSION_CONFLICT: {
    status: 409,
    "zh-CN": ["数据已被修改", "该记录已被他人修改，请查看最新内容后重试。"],
    en: ["Edited meanwhile", "Someone else changed this record; review the current copy and try again."],
  },
  /** The community already has a facility of this type with this name. */
  FACILITY_EXISTS: {
    status: 409,
    "zh-CN": ["设施已存在", "该社区已有同类型、同名称的设施。"],
    en: ["Facility exists", "The community already has a facility of this type and name."],
  },
  /** The community already has a grid with this name. */
  GRID_EXISTS: {
    status: 409,
    "zh-CN": ["网格已存在", "该社区已有同名网格。"],
    en: ["Grid exists", "The community already has a grid with this name."],
  },
  /** A resident with this ID number is already registered in the city; `existing_id` only when it lies in the caller's scope. */
  RESIDENT_EXISTS: {
    status: 409,
    "zh-CN": ["居民已登记", "该身份证号码的居民已经登记，不能重复登记。"],
    en: ["Resident exists", "A resident with this ID number is already registered."],
  },
  /** A resident and a household (or its head) must be in the same community. */
  HOUSEHOLD_AREA_MISMATCH: {
    status: 422,
    "zh-CN": ["不在同一社区", "居民与户必须属于同一社区。"],
    en: ["Different community", "The resident and the household must belong to the same community."],
  },
  /** An imported row names a head of household (户主身份证号) who is not registered in the same community. */
  HOUSEHOLD_HEAD_UNKNOWN: {
    status: 422,
    "zh-CN": ["户主未登记", "户主身份证号对应的居民未在同一社区登记，请先导入户主。"],
    en: ["Unknown head of household", "The head of household is not registered in the same community; import the head first."],
  },
  /** A move must go to another registered community. */
  RESIDENT_MOVE_INVALID: {
    status: 422,
    "zh-CN": ["迁移无效", "迁入社区须为另一个已登记的社区。"],
    en: ["Invalid move", "The destination must be another registered community."],
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
  /** The membership does not fit its role: e.g. a resident needs a community code, org staff an organization. */
  MEMBERSHIP_INVALID: { status: 400, "zh-CN": ["角色设置有误", "{reason}"], en: ["Invalid membership", "{reason}"] },
  /** The area code is well-formed but no such area is registered. */
  AREA_UNKNOWN: {
    status: 400,
    "zh-CN": ["区划代码不存在", "区划代码 {code} 不存在。"],
    en: ["Unknown area", "There is no area with code {code}."],
  },
  /** A service's provider is inconsistent: an organization service needs organization_id, a community service community_code, a commercial service area_code. */
  SERVICE_PROVIDER_INVALID: {
    status: 400,
    "zh-CN": ["服务提供方有误", "社会组织服务须指定组织，社区服务须指定社区，市场主体服务须指定所在区划。"],
    en: [
      "Invalid provider",
      "An organization service needs organization_id, a community service community_code, a commercial service area_code.",
    ],
  },
  /** A paid service without a (positive) price in fen. */
  SERVICE_PRICE_REQUIRED: {
    status: 400,
    "zh-CN": ["缺少价格", "有偿服务须填写价格（以分为单位的正整数）。"],
    en: ["Price required", "A paid service needs a positive price in fen."],
  },
  /** The minimum age is above the maximum age. */
  SERVICE_AGE_RANGE: {
    status: 400,
    "zh-CN": ["年龄范围有误", "最小年龄不能大于最大年龄。"],
    en: ["Invalid age range", "The minimum age cannot exceed the maximum age."],
  },
  /** The organization does not exist or is outside the caller's scope. */
  ORGANIZATION_UNKNOWN: {
    status: 400,
    "zh-CN": ["组织不存在", "所选组织不存在或不在您的管辖范围内。"],
    en: ["Unknown organization", "The organization does not exist or is outside your scope."],
  },
  /** An uploaded spreadsheet cannot be read: `reason` is FILE_TOO_LARGE, FILE_UNREADABLE, TOO_MANY_ROWS or FILE_EMPTY. */
  IMPORT_FILE_INVALID: {
    status: 400,
    "zh-CN": ["文件无法导入", "文件无法读取（{reason}）：请使用 10 MB 以内、不超过 5 万行的 XLSX 或 CSV 文件。"],
    en: ["File cannot be imported", "The file cannot be read ({reason}): use an XLSX or CSV file under 10 MB and 50,000 rows."],
  },
  /** "Import everything" was asked while the report still lists bad rows. */
  IMPORT_HAS_ERRORS: {
    status: 409,
    "zh-CN": ["仍有错误", "还有 {count} 行错误：请修正后重新上传，或选择“仅导入有效行”。"],
    en: ["Errors remain", "{count} rows still have errors: fix and upload again, or choose to import only the valid rows."],
  },
  /** The job is not in a state that allows this step (e.g. already running or completed). */
  IMPORT_NOT_READY: {
    status: 409,
    "zh-CN": ["导入任务状态不允许此操作", "导入任务当前状态为 {status}。"],
    en: ["Import not ready", "The import job is {status}."],
  },
  /** No import or export of this kind exists. */
  UNKNOWN_KIND: {
    status: 404,
    "zh-CN": ["不支持的类型", "没有这种导入或导出。"],
    en: ["Unknown kind", "There is no such import or export."],
  },
  /** Another social organization already holds this 统一社会信用代码 (its details are not revealed). */
  SOCIAL_ORG_EXISTS: {
    status: 409,
    "zh-CN": ["社会组织已存在", "已有社会组织使用该统一社会信用代码。"],
    en: ["Organization exists", "Another organization already uses this unified social credit code."],
  },
  /** A social worker with this certificate number is already registered. */
  SOCIAL_WORKER_EXISTS: {
    status: 409,
    "zh-CN": ["社工已登记", "该证书编号的社会工作者已经登记。"],
    en: ["Social worker exists", "A social worker with this certificate number is already registered."],
  },
  /** A social worker cannot be their own supervisor (督导). */
  SUPERVISOR_SELF: {
    status: 400,
    "zh-CN": ["督导设置有误", "社会工作者不能担任自己的督导。"],
    en: ["Invalid supervisor", "A social worker cannot supervise themselves."],
  },
  /** The supervisor is not a registered social worker visible to the caller. */
  SUPERVISOR_UNKNOWN: {
    status: 400,
    "zh-CN": ["督导不存在", "所选督导不存在或不在您的管辖范围内。"],
    en: ["Unknown supervisor", "The supervisor does not exist or is outside your scope."],
  },
  /** The account to link does not exist. */
  ACCOUNT_UNKNOWN: {
    status: 400,
    "zh-CN": ["账号不存在", "要关联的账号不存在。"],
    en: ["Unknown account", "The account to link does not exist."],
  },
  /** The need category does not exist (see GET /need-categories). */
  NEED_CATEGORY_UNKNOWN: {
    status: 400,
    "zh-CN": ["需求类别不存在", "请从需求类别列表中选择。"],
    en: ["Unknown category", "Choose a category from the list."],
  },
  /** Staff recording a need must name the resident or the community. */
  NEED_AREA_REQUIRED: {
    status: 400,
    "zh-CN": ["缺少居民或社区", "代为登记需求时请选择居民或社区。"],
    en: ["Resident or community required", "Name the resident or the community when recording a need."],
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
  /** Staff intake: name either a registered resident or an anonymous contact, not both. */
  NEED_CONTACT_WITH_RESIDENT: {
    status: 400,
    "zh-CN": ["居民与匿名联系人只能选一", "已选择登记居民时不能再填写匿名联系人。"],
    en: ["Resident or contact", "Give either a registered resident or an anonymous contact, not both."],
  },
  NEED_NOT_DONE: {
    status: 409,
    "zh-CN": ["需求尚未办结", "服务方标记完成后才能确认。"],
    en: ["Need not done", "A need can be confirmed only after the provider marks it done."],
  },
  /** Staff confirmed a need without recording the call-back that confirms it (issue 13). */
  NEED_CALLBACK_REQUIRED: {
    status: 422,
    "zh-CN": ["须记录回访", "工作人员只能凭回访记录确认：请填写回访方式、时间、接听人和居民的反馈。"],
    en: ["Call-back required", "Staff confirm a need only by recording a call-back: how, when, who answered and what they said."],
  },
  /** A resident confirming their own need sent a call-back record, which only staff record. */
  NEED_CALLBACK_NOT_ALLOWED: {
    status: 400,
    "zh-CN": ["无需回访记录", "居民本人确认时不需要回访记录。"],
    en: ["No call-back needed", "A resident confirming their own need sends no call-back record."],
  },
  /** Staff tried to confirm before the resident's wait ended: the resident confirms first. */
  NEED_CALLBACK_TOO_EARLY: {
    status: 409,
    "zh-CN": ["请等待居民确认", "居民可在门户中自行确认；{from} 之后仍未确认的，工作人员方可凭回访确认。"],
    en: ["Wait for the resident", "The resident can confirm in the portal; staff may confirm by a call-back from {from}."],
  },
  /** The person who accepted, completed or recorded service on the need tried to confirm it. */
  NEED_CONFIRMER_SERVED: {
    status: 403,
    "zh-CN": ["不能确认自己办理的需求", "接单、服务或办结过该需求的人员不能确认它，请由其他工作人员回访确认。"],
    en: [
      "Cannot confirm your own work",
      "Whoever accepted, served or completed this need cannot confirm it; another staff member must call back.",
    ],
  },
  /** The call-back's time lies in the future. */
  NEED_CALLBACK_IN_FUTURE: {
    status: 400,
    "zh-CN": ["回访时间有误", "回访时间不能晚于现在。"],
    en: ["Invalid call-back time", "The call-back cannot be in the future."],
  },
  /** Completing a referral needs at least one service record (evidence of the work). */
  REFERRAL_NO_SERVICE_RECORD: {
    status: 422,
    "zh-CN": ["缺少服务记录", "请先登记至少一条服务记录，再标记完成。"],
    en: ["No service record", "Record at least one service before marking the referral done."],
  },
  /** The referral was already accepted, declined or cancelled by someone else. */
  REFERRAL_NOT_PENDING: {
    status: 409,
    "zh-CN": ["转介已处理", "该转介已被接单、拒绝或取消。"],
    en: ["Referral already handled", "The referral was already accepted, declined or cancelled."],
  },
  /** Only an accepted referral can be completed or take service records. */
  REFERRAL_NOT_ACCEPTED: {
    status: 409,
    "zh-CN": ["转介未接单", "只有已接单的转介才能记录服务或办结。"],
    en: ["Referral not accepted", "Only an accepted referral takes service records or completion."],
  },
  /** The provider chosen for a referral does not exist. */
  PROVIDER_UNKNOWN: {
    status: 400,
    "zh-CN": ["服务方不存在", "所选服务方不存在。"],
    en: ["Unknown provider", "The chosen provider does not exist."],
  },
  /** A routing rule's area must lie inside the jurisdiction that owns it. */
  ROUTING_AREA_OUTSIDE: {
    status: 400,
    "zh-CN": ["规则范围有误", "规则适用的区域必须在所属辖区之内。"],
    en: ["Rule area outside owner", "The rule's area must lie inside the jurisdiction that owns it."],
  },
  /** The uploaded file is not a JPEG, PNG or WebP image (judged by its bytes, not its Content-Type). */
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    "zh-CN": ["图片格式不支持", "只能上传 JPEG、PNG 或 WebP 格式的照片。"],
    en: ["Image type not accepted", "Only JPEG, PNG or WebP photos can be uploaded."],
  },
  /** The need already has the most photos allowed. */
  ATTACHMENT_LIMIT_REACHED: {
    status: 409,
    "zh-CN": ["照片数量已达上限", "每条需求最多上传 {max} 张照片。"],
    en: ["Too many photos", "A need can have at most {max} photos."],
  },
  /** An announcement attachment is not a PDF, JPEG, PNG or WebP file (judged by its bytes). */
  ANNOUNCEMENT_FILE_TYPE_REFUSED: {
    status: 415,
    "zh-CN": ["附件格式不支持", "公告附件只能是 PDF、JPEG、PNG 或 WebP 文件。"],
    en: ["Attachment type not accepted", "Announcement attachments must be PDF, JPEG, PNG or WebP files."],
  },
  /** The announcement already has the most attachments allowed. */
  ANNOUNCEMENT_FILE_LIMIT_REACHED: {
    status: 409,
    "zh-CN": ["附件数量已达上限", "每条公告最多 {max} 个附件。"],
    en: ["Too many attachments", "An announcement can have at most {max} attachments."],
  },
  /** The announcement's body has no text left once unsafe markup is removed. */
  ANNOUNCEMENT_BODY_EMPTY: {
    status: 400,
    "zh-CN": ["公告内容为空", "公告正文不能为空（不安全的内容会被移除）。"],
    en: ["Announcement body empty", "The body is empty once unsafe markup is removed."],
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
  /** The grid given for a need is not a grid of the need's community. */
  NEED_GRID_MISMATCH: {
    status: 400,
    "zh-CN": ["网格不属于该社区", "所选网格不属于该需求所在的社区。"],
    en: ["Grid not in the community", "The grid chosen is not a grid of the need's community."],
  },
  /** The server is overloaded (its event loop lags); retryable after Retry-After. */
  OVERLOADED: {
    status: 503,
    "zh-CN": ["服务繁忙", "当前访问量过大，请稍后重试。"],
    en: ["Server busy", "The server is under heavy load; please retry shortly."],
  },
  /** Too little free disk space for a bulk write. */
  DISK_FULL: {
    status: 507,
    "zh-CN": ["存储空间不足", "服务器磁盘空间不足，请联系管理员。"],
    en: ["Insufficient storage", "The server is short of disk space; contact the administrator."],
  },
  /** A case cannot take this step in its current stage (e.g. sessions before the plan, closing from intake). */
  CASE_STATE: {
    status: 409,
    "zh-CN": ["个案阶段不允许", "个案当前处于“{status}”阶段，不能{action}。"],
    en: ["Not allowed at this stage", "The case is at stage {status}; it cannot {action}."],
  },
  /** Closing a case whose plan still has open goals, without stating why. */
  CASE_OPEN_GOALS: {
    status: 409,
    "zh-CN": ["仍有未完成的目标", "服务计划中还有 {count} 个未完成的目标；请先更新目标状态，或填写提前结案的原因。"],
    en: ["Goals still open", "{count} goals of the plan are still open; update them first or give a reason for closing anyway."],
  },
  /** Opening a case needs a social worker record linked to the caller's account. */
  CASE_NO_WORKER: {
    status: 403,
    "zh-CN": ["没有社工档案", "您的账号未关联社工档案，不能开设个案。"],
    en: ["No social worker record", "Your account is not linked to a social worker record; you cannot open cases."],
  },
  /** A case was already opened from this referral; `existing_id` names it. */
  CASE_EXISTS: {
    status: 409,
    "zh-CN": ["已开案", "该转介已经开设了个案，请打开已有的个案。"],
    en: ["Case already open", "A case was already opened from this referral; open the existing case."],
  },
  /** The referral's need names no resident record, so no case can be opened from it. */
  CASE_REFERRAL_NO_RESIDENT: {
    status: 409,
    "zh-CN": ["需求未关联居民", "该需求没有关联居民档案，不能据此开案；请社区先登记居民。"],
    en: [
      "No resident on the need",
      "The need names no resident record, so no case can be opened from it; ask the community to link the resident.",
    ],
  },
  /** The application already has its contract (one per application); `existing_id` names it. */
  CONTRACT_EXISTS: {
    status: 409,
    "zh-CN": ["合同已签订", "该申请已签订合同，请打开已有的合同。"],
    en: ["Contract exists", "This application already has a contract; open the existing one."],
  },
  /** A contract can be made only from an awarded application. */
  CONTRACT_APPLICATION_NOT_AWARDED: {
    status: 409,
    "zh-CN": ["申请未中标", "只能为已中标的申请签订合同。"],
    en: ["Application not awarded", "A contract can be made only from an awarded application."],
  },
  /** The contract amount is above the amount the application requested. */
  CONTRACT_AMOUNT_OVER_REQUEST: {
    status: 400,
    "zh-CN": ["合同金额过高", "合同金额不能超过申请金额（{requested_fen} 分）。"],
    en: ["Amount too high", "The amount cannot exceed the amount requested ({requested_fen} fen)."],
  },
  /** The contract amount is above the call's per-project cap. */
  CONTRACT_AMOUNT_OVER_CAP: {
    status: 400,
    "zh-CN": ["合同金额过高", "合同金额不能超过征集的单个项目上限（{cap_fen} 分）。"],
    en: ["Amount too high", "The amount cannot exceed the call's per-project cap ({cap_fen} fen)."],
  },
  /** The milestones' shares do not sum to exactly 10000 basis points. */
  CONTRACT_SHARES_NOT_WHOLE: {
    status: 400,
    "zh-CN": ["付款比例有误", "各节点付款比例之和须恰好为 100%（当前 {sum_bp} 个基点）。"],
    en: ["Shares do not add up", "The milestones' shares must sum to exactly 100% (now {sum_bp} basis points)."],
  },
  /** A milestone's due date lies outside the contract period. */
  CONTRACT_MILESTONE_OUTSIDE_PERIOD: {
    status: 400,
    "zh-CN": ["节点日期有误", "第 {position} 个节点的到期日不在合同期内。"],
    en: ["Milestone date outside the period", "Milestone {position} is due outside the contract period."],
  },
  /** The contract is no longer active (closing, closed or terminated). */
  CONTRACT_NOT_ACTIVE: {
    status: 409,
    "zh-CN": ["合同不在执行中", "合同已进入结项或已终止，不能再执行此操作。"],
    en: ["Contract not active", "The contract is closing, closed or terminated."],
  },
  /** Closing needs every milestone accepted (terminate instead, with a reason). */
  CONTRACT_MILESTONES_OPEN: {
    status: 409,
    "zh-CN": ["尚有节点未验收", "所有节点验收后才能结项；如需提前结束，请选择终止并说明理由。"],
    en: ["Milestones still open", "Every milestone must be accepted before closing; terminate with a reason instead."],
  },
  /** A contract attachment is not a PDF, JPEG, PNG or WebP file (by its bytes). */
  CONTRACT_ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    "zh-CN": ["文件格式不支持", "只能上传 PDF、JPEG、PNG 或 WebP 文件。"],
    en: ["File type not accepted", "Only PDF, JPEG, PNG or WebP files can be uploaded."],
  },
  /** The milestone already has a report awaiting a decision, or was accepted. */
  MILESTONE_NOT_REPORTABLE: {
    status: 409,
    "zh-CN": ["节点不能报告", "该节点已有待审核的报告或已验收。"],
    en: ["Milestone cannot be reported", "The milestone has a report awaiting a decision, or was accepted."],
  },
  /** A referral, service record or attachment given as evidence is not the organization's (or not this contract's). */
  MILESTONE_EVIDENCE_INVALID: {
    status: 400,
    "zh-CN": ["佐证材料有误", "佐证中的转介、服务记录或附件不属于本组织或本合同：{kind}。"],
    en: ["Invalid evidence", "Some evidence does not belong to this organization or contract: {kind}."],
  },
  /** The report was already accepted or returned. */
  MILESTONE_REPORT_DECIDED: {
    status: 409,
    "zh-CN": ["报告已处理", "该进度报告已被验收或退回。"],
    en: ["Report already decided", "This progress report was already accepted or returned."],
  },
  /** Paying the milestone would take disbursements above the contract amount. */
  LEDGER_OVER_CONTRACT: {
    status: 409,
    "zh-CN": ["超出合同金额", "拨付后累计金额将超过合同金额。"],
    en: ["Above the contract amount", "This payment would take the disbursements above the contract amount."],
  },
  /** The user works for several organizations: say which one the income is for. */
  LEDGER_ORG_REQUIRED: {
    status: 400,
    "zh-CN": ["请选择组织", "您属于多个组织，请指定收入所属的组织。"],
    en: ["Choose an organization", "You work for several organizations; say which one received the income."],
  },
  /** The evaluator is not a user with projects.evaluate over the contract's area. */
  EVALUATION_EVALUATOR_INVALID: {
    status: 400,
    "zh-CN": ["评估人不符合条件", "第三方评估人须为在该区域具有评估权限的用户。"],
    en: ["Evaluator not eligible", "The evaluator must hold the evaluator role over the contract's area."],
  },
  /** The evaluation is complete; nothing changes any more. */
  EVALUATION_COMPLETED: {
    status: 409,
    "zh-CN": ["评估已完成", "结项评估已完成，不能再修改。"],
    en: ["Evaluation complete", "The closing evaluation is complete and can no longer change."],
  },
  /** The KPI findings do not name the contract's KPIs exactly once each. */
  EVALUATION_KPIS_MISMATCH: {
    status: 400,
    "zh-CN": ["绩效指标不符", "须对合同的每项绩效指标各填写一次实际完成值。"],
    en: ["KPIs do not match", "Give the achieved value of each of the contract's KPIs exactly once."],
  },
  /** A joint meeting cannot take this step in its current status (e.g. minutes before it is held). */
  MEETING_STATE: {
    status: 409,
    "zh-CN": ["会议状态不允许", "会议当前为“{status}”，不能进行此操作。"],
    en: ["Not allowed in this status", "The meeting is {status}; this step is not possible now."],
  },
  /** A meeting is marked minuted before any minutes were written. */
  MEETING_NO_MINUTES: {
    status: 409,
    "zh-CN": ["尚无会议纪要", "请先填写会议纪要，再标记为已形成纪要。"],
    en: ["No minutes yet", "Write the minutes before marking the meeting minuted."],
  },
  /** Self sign-in by QR code outside the hour before the start and after the end. */
  MEETING_SIGN_IN_CLOSED: {
    status: 409,
    "zh-CN": ["不在签到时间", "扫码签到仅在会议开始前 1 小时至结束后 1 小时内开放。"],
    en: ["Sign-in closed", "QR sign-in is open from an hour before the meeting until an hour after it ends."],
  },
  /** An action item cannot take this step in its status (e.g. accepting an item not reported done). */
  ACTION_ITEM_STATE: {
    status: 409,
    "zh-CN": ["督办事项状态不允许", "督办事项当前状态为“{status}”，不能进行此操作。"],
    en: ["Not allowed in this status", "The action item is {status}; this step is not possible now."],
  },
  /** The route does not exist. */
  ROUTE_NOT_FOUND: { status: 404, "zh-CN": ["接口不存在", "没有这个接口。"], en: ["No such endpoint", "There is no such endpoint."] },
  /** An unexpected server fault; the request id helps the operators find it. */
  INTERNAL: {
    status: 500,
    "zh-CN": ["服务器错误", "服务器内部错误，请稍后重试或联系管理员。"],
    en: ["Server error", "An internal error occurred; retry later or contact the administrator."],
  },
  /** A call's rubric weights do not sum to exactly 100. */
  CALL_RUBRIC_WEIGHTS: {
    status: 422,
    "zh-CN": ["评分标准权重有误", "评分标准各项权重之和须恰好为 100（当前为 {sum}）。"],
    en: ["Rubric weights", "The rubric's weights must sum to exactly 100 (now {sum})."],
  },
  /** The closing-evaluation weights do not sum to 100. */
  CALL_EVALUATION_WEIGHTS: {
    status: 422,
    "zh-CN": ["评估权重有误", "结项评估的三方权重之和须为 100（当前为 {sum}）。"],
    en: ["Evaluation weights", "The closing evaluation's weights must sum to 100 (now {sum})."],
  },
  /** A target area lies outside the purchaser's area, or the area is outside the caller's scope. */
  CALL_TARGET_OUTSIDE: {
    status: 422,
    "zh-CN": ["服务区域超出范围", "服务区域须在采购方辖区之内。"],
    en: ["Target area outside", "Target areas must lie inside the purchaser's area."],
  },
  /** The per-project cap exceeds the total budget. */
  CALL_CAP_OVER_BUDGET: {
    status: 422,
    "zh-CN": ["单项上限超出总预算", "单个项目资助上限不能超过总预算。"],
    en: ["Cap over budget", "The per-project cap cannot exceed the total budget."],
  },
  /** A panel member does not hold projects.review over the call's area. */
  CALL_REVIEWER_INVALID: {
    status: 422,
    "zh-CN": ["评审专家无效", "评审专家须持有项目评审权限且辖区覆盖本项目征集区域。"],
    en: ["Invalid reviewer", "Panel members must hold projects.review over the call's area."],
  },
  /** Unknown need category in a call. */
  CALL_CATEGORY_UNKNOWN: {
    status: 422,
    "zh-CN": ["需求类别不存在", "所选需求类别不存在。"],
    en: ["Unknown category", "A need category chosen does not exist."],
  },
  /** Publishing needs a deadline in the future. */
  CALL_DEADLINE_PAST: {
    status: 422,
    "zh-CN": ["截止时间已过", "发布时截止时间须晚于当前时间。"],
    en: ["Deadline passed", "The deadline must be in the future when the call is published."],
  },
  /** The call is not in a status that allows this (e.g. editing a published call). */
  CALL_WRONG_STATUS: {
    status: 409,
    "zh-CN": ["项目征集状态不允许此操作", "当前状态（{status}）下不能执行此操作。"],
    en: ["Not allowed in this status", "This cannot be done while the call is {status}."],
  },
  /** The submission deadline has passed: applications no longer change. */
  CALL_DEADLINE_PASSED: {
    status: 409,
    "zh-CN": ["已过申报截止时间", "申报截止后不能再提交、修改或撤回申请。"],
    en: ["Deadline passed", "After the deadline, applications can no longer be submitted, changed or withdrawn."],
  },
  /** The call is still open: review and award wait for the deadline. */
  CALL_STILL_OPEN: {
    status: 409,
    "zh-CN": ["申报尚未截止", "申报截止后才能评审和评定。"],
    en: ["Still open", "Review and award start after the deadline."],
  },
  /** The organization already applied to this call. */
  APPLICATION_EXISTS: {
    status: 409,
    "zh-CN": ["已经申报", "本组织已申报该项目征集，每个组织只能申报一次。"],
    en: ["Already applied", "Your organization has already applied to this call."],
  },
  /** The organization does not meet the call's eligibility rules. */
  APPLICATION_NOT_ELIGIBLE: {
    status: 422,
    "zh-CN": ["不符合申报条件", "本组织不符合该项目征集的申报条件：{rule}。"],
    en: ["Not eligible", "Your organization does not meet the call's eligibility rule: {rule}."],
  },
  /** The budget lines do not sum to the amount requested, or it exceeds the cap. */
  APPLICATION_BUDGET: {
    status: 422,
    "zh-CN": ["预算有误", "预算明细之和须等于申请金额，且不超过单项上限 {cap} 分。"],
    en: ["Budget", "The budget lines must sum to the amount requested, at most the cap of {cap} fen."],
  },
  /** The caller acts for no organization, or for several without naming one. */
  APPLICATION_ORG_REQUIRED: {
    status: 422,
    "zh-CN": ["请选择申报组织", "请指定您所属的申报组织。"],
    en: ["Organization required", "Name the organization you apply for."],
  },
  /** The application is not submitted (withdrawn or decided). */
  APPLICATION_WRONG_STATUS: {
    status: 409,
    "zh-CN": ["申请状态不允许此操作", "当前申请状态（{status}）下不能执行此操作。"],
    en: ["Not allowed in this status", "This cannot be done while the application is {status}."],
  },
  /** An attachment is not a PDF, DOCX, XLSX, JPEG or PNG file (judged by its bytes). */
  APPLICATION_ATTACHMENT_TYPE: {
    status: 415,
    "zh-CN": ["附件格式不支持", "附件只能是 PDF、DOCX、XLSX、JPEG 或 PNG 文件。"],
    en: ["File type not accepted", "Attachments must be PDF, DOCX, XLSX, JPEG or PNG files."],
  },
  /** The reviewer declared a conflict of interest on this application. */
  REVIEW_CONFLICTED: {
    status: 409,
    "zh-CN": ["存在利益冲突", "您已申报与该申请存在利益冲突，不能评分。"],
    en: ["Conflict of interest", "You declared a conflict of interest on this application and cannot score it."],
  },
  /** Scoring needs a declaration of no conflict first. */
  REVIEW_DECLARATION_REQUIRED: {
    status: 409,
    "zh-CN": ["请先申报利益冲突", "评分前须先申报与该申请无利益冲突。"],
    en: ["Declaration required", "Declare that you have no conflict of interest before scoring."],
  },
  /** A conflict once declared cannot be withdrawn. */
  REVIEW_DECLARATION_FINAL: {
    status: 409,
    "zh-CN": ["不能撤销回避", "已申报的利益冲突不能撤销。"],
    en: ["Declaration is final", "A declared conflict of interest cannot be withdrawn."],
  },
  /** A score names a criterion of another call. */
  REVIEW_CRITERION_UNKNOWN: {
    status: 422,
    "zh-CN": ["评分项不存在", "评分项不属于该项目征集的评分标准。"],
    en: ["Unknown criterion", "A criterion is not part of this call's rubric."],
  },
  /** Award refused: an application is incomplete or not submitted, over the cap, or the total is over budget. */
  REVIEW_AWARD_INVALID: {
    status: 422,
    "zh-CN": ["评定无效", "评定无效：{rule}。"],
    en: ["Invalid award", "The award is invalid: {rule}."],
  },
  /**
   * Self link refused: name, ID number and phone do not all match one unlinked resident of the
   * account's community. The same answer whatever did not match, so it tells nothing about who is registered.
   */
  RESIDENT_LINK_NO_MATCH: {
    status: 422,
    "zh-CN": ["未能绑定居民档案", "姓名、身份证号码和手机号码未能与本社区的居民档案对应。请核对，或到社区居委会办理绑定。"],
    en: [
      "No matching resident record",
      "The name, ID number and phone did not match a resident record of your community. Check them, or ask your community office to link your account.",
    ],
  },
  /** Too many self-link attempts from this account; retry after the Retry-After seconds. */
  RESIDENT_LINK_RATE_LIMITED: {
    status: 429,
    "zh-CN": ["尝试次数过多", "绑定尝试次数过多，请一小时后再试，或到社区居委会办理绑定。"],
    en: ["Too many attempts", "Too many link attempts; try again in an hour, or ask your community office."],
  },
  /** The account is already linked to a resident record (unlink it first). */
  RESIDENT_LINK_EXISTS: {
    status: 409,
    "zh-CN": ["已绑定居民档案", "该账号已绑定居民档案，如需更换请先解除绑定。"],
    en: ["Already linked", "This account is already linked to a resident record; unlink it first."],
  },
  /** Staff link refused: the resident record is linked to another account, or lies outside the account's community. */
  RESIDENT_LINK_INVALID: {
    status: 422,
    "zh-CN": ["无法绑定", "该居民档案已绑定其他账号，或不在该账号所属社区：{reason}。"],
    en: ["Cannot link", "The resident record is linked to another account or lies outside the account's community: {reason}."],
  },
  /** The account has no linked resident record (self view of the register). */
  RESIDENT_NOT_LINKED: {
    status: 404,
    "zh-CN": ["未绑定居民档案", "该账号尚未绑定居民档案。"],
    en: ["Not linked", "This account is not linked to a resident record."],
  },
  /** A milestone report needs at least one referral, service record or attachment (sign-in sheet, photos). */
  MILESTONE_EVIDENCE_REQUIRED: {
    status: 422,
    "zh-CN": ["缺少佐证材料", "进度报告至少需要一项佐证：转介、服务记录或附件（签到表、照片等）。"],
    en: ["Evidence required", "A milestone report needs at least one piece of evidence: a referral, a service record or an attachment."],
  },
  // Imports: upload size once unpacked, and one parse at a time per server (issue 14.7).
  /** An uploaded XLSX unpacks (as declared, or as it really inflates) to more than the configured cap. */
  IMPORT_FILE_TOO_LARGE_UNPACKED: {
    status: 413,
    "zh-CN": ["文件解压后过大", "该 XLSX 文件解压后超过 {limit_mb} MB：请删除多余的工作表、图片或空白行列，或拆分为多个文件后再上传。"],
    en: [
      "File too large when unpacked",
      "This XLSX file unpacks to more than {limit_mb} MB: remove extra sheets, pictures or blank rows and columns, or split it, then upload again.",
    ],
  },
  /** Other uploads are being read; the server reads one spreadsheet at a time. Retry after Retry-After. */
  IMPORT_BUSY: {
    status: 503,
    "zh-CN": ["导入繁忙", "服务器正在处理其他上传的文件，请稍后重试。"],
    en: ["Imports busy", "The server is reading other uploaded files; please retry shortly."],
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
  // --- Hardening (issue 14 items 4, 8, 9, 10; issue 13 finding 8) ---
  /** Org staff tried to change fields only the registering authority may set; `errors[]` names them. */
  FIELDS_NOT_EDITABLE: {
    status: 403,
    "zh-CN": ["无权修改这些字段", "以下字段只能由登记管理机关修改：{fields}。"],
    en: ["Fields not editable", "Only the registering authority may change: {fields}."],
  },
  /** A meeting cannot be marked held before its start time. */
  MEETING_NOT_STARTED: {
    status: 409,
    "zh-CN": ["会议尚未开始", "会议开始时间（{starts_at}）之前不能标记为已召开。"],
    en: ["Meeting not started", "The meeting cannot be marked held before it starts ({starts_at})."],
  },
  /** A cookie-authenticated write came from a page of another site (Origin or Referer of a foreign host). */
  ORIGIN_REFUSED: {
    status: 403,
    "zh-CN": ["来源不被接受", "该请求来自其他网站的页面，已拒绝。"],
    en: ["Origin refused", "The request came from a page of another site and was refused."],
  },
  /** The account to link to a social-worker record is not a social-worker account of its organization, or is linked to another record. */
  ACCOUNT_NOT_LINKABLE: {
    status: 400,
    "zh-CN": ["不能关联该账号", "只能关联本机构的社工账号，且该账号未关联其他社工档案。"],
    en: ["Account cannot be linked", "Link a social-worker account of this organization that is not linked to another worker record."],
  },
  /** The body is not valid UTF-8 (malformed byte sequence). */
  BODY_ENCODING_INVALID: {
    status: 400,
    "zh-CN": ["请求编码错误", "请求体不是有效的 UTF-8 编码。"],
    en: ["Invalid encoding", "The request body is not valid UTF-8."],
  },
} satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof errorCatalog;

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
};

export function localize(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
