import { defineErrors } from "../../platform/errors/catalog.js";

/** The projects module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const projectsErrors = defineErrors({
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
  /** The user records for several holders (communities, organizations): say which one. */
  LEDGER_HOLDER_REQUIRED: {
    status: 400,
    "zh-CN": ["请选择台账主体", "您可为多个社区或组织记账，请指定记入哪个社区或组织。"],
    en: ["Choose whose ledger", "You record for several communities or organizations; say which one."],
  },
  /** The linked contract is not the holder's (an organization's own contract, a community's purchase). */
  LEDGER_CONTRACT_MISMATCH: {
    status: 422,
    "zh-CN": ["合同不匹配", "关联的合同不属于该社区或组织。"],
    en: ["Contract does not match", "The linked contract is not this community's or organization's."],
  },
  /** The holder already has a row with this voucher number; `existing_id` names it. */
  LEDGER_VOUCHER_EXISTS: {
    status: 409,
    "zh-CN": ["凭证号重复", "该社区或组织已有凭证号为 {voucher_no} 的记录。"],
    en: ["Voucher number taken", "This community or organization already has a row with voucher number {voucher_no}."],
  },
  /** An imported row names a holder that is neither a community code nor a known organization's credit code. */
  LEDGER_HOLDER_UNKNOWN: {
    status: 422,
    "zh-CN": ["台账主体不存在", "未找到社区代码或统一社会信用代码为 {holder} 的社区或组织。"],
    en: ["Unknown holder", "No community or organization has the code {holder}."],
  },
  /** An imported row would change a row the system wrote (gov_purchase, task_funding) or another holder's. */
  LEDGER_ROW_LOCKED: {
    status: 409,
    "zh-CN": ["记录不可修改", "凭证号 {voucher_no} 对应的记录由系统生成或属于其他主体，不能被导入覆盖。"],
    en: ["Row cannot change", "The row with voucher number {voucher_no} was written by the system and cannot be overwritten by an import."],
  },
  /** A ledger attachment is not a PDF, JPEG, PNG or WebP file (judged from its bytes). */
  LEDGER_ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    "zh-CN": ["文件类型不支持", "凭证附件仅支持 PDF、JPEG、PNG 或 WebP 文件。"],
    en: ["File type not accepted", "Ledger attachments must be PDF, JPEG, PNG or WebP files."],
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
  /** A milestone report needs at least one referral, service record or attachment (sign-in sheet, photos). */
  MILESTONE_EVIDENCE_REQUIRED: {
    status: 422,
    "zh-CN": ["缺少佐证材料", "进度报告至少需要一项佐证：转介、服务记录或附件（签到表、照片等）。"],
    en: ["Evidence required", "A milestone report needs at least one piece of evidence: a referral, a service record or an attachment."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof projectsErrors, true> {}
}
