import { defineErrors } from "../../platform/errors/catalog.js";

/** The needs module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const needsErrors = defineErrors({
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
  /** A provider asked for the resident's contact before accepting the referral (or after it ended). */
  REFERRAL_CONTACT_LOCKED: {
    status: 409,
    "zh-CN": ["接单后才能查看联系方式", "居民的姓名、电话和地址在接单后才会显示，每次查看都会记录在审计日志中。"],
    en: ["Accept to see the contact", "The resident's name, phone and address show once you accept the referral; every view is audited."],
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
  /** A rule with no category and no resident group takes every need under its area: it needs confirm_catch_all. */
  ROUTING_CATCH_ALL_UNCONFIRMED: {
    status: 422,
    "zh-CN": ["需确认兜底规则", "该规则未限定需求类别和人群，将接收所属区域的全部需求。请确认后再保存。"],
    en: [
      "Confirm the catch-all rule",
      "This rule names no category and no resident group, so it takes every need in its area. Confirm it to save.",
    ],
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
  /** The grid given for a need is not a grid of the need's community. */
  NEED_GRID_MISMATCH: {
    status: 400,
    "zh-CN": ["网格不属于该社区", "所选网格不属于该需求所在的社区。"],
    en: ["Grid not in the community", "The grid chosen is not a grid of the need's community."],
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
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof needsErrors, true> {}
}
