import { defineErrors } from "../../platform/errors/catalog.js";

/** The admin-tasks module's error codes: HTTP status and zh-CN/en title and detail (`{name}` from the error's params). */
export const adminTasksErrors = defineErrors({
  /** A decision on a task that is no longer submitted (already decided, returned, withdrawn). */
  ADMIN_TASK_DECIDED: {
    status: 409,
    "zh-CN": ["事项已处理", "该事项当前为“{status}”，只有待审的事项可以作出准入决定。"],
    en: ["Already decided", "The task is {status}; only a submitted task can be decided."],
  },
  /** A step the task's status does not allow (resubmitting one not returned, taking back one not admitted…). */
  ADMIN_TASK_STATE: {
    status: 409,
    "zh-CN": ["事项状态不允许", "该事项当前为“{status}”，不能进行此操作。"],
    en: ["Not allowed in this status", "The task is {status}; this step is not possible now."],
  },
  /** Admitting a task that brings no funding without recording the exception. */
  ADMIN_TASK_UNFUNDED: {
    status: 422,
    "zh-CN": ["未随事转费", "该事项没有随事转来经费，准入须填写例外理由（费随事转）。"],
    en: ["No funding", "The task brings no funding: admitting it needs a recorded exception (funding follows the task)."],
  },
  /** A target that is not a registered community in the department's jurisdiction. */
  ADMIN_TASK_TARGET_INVALID: {
    status: 422,
    "zh-CN": ["目标社区无效", "{code} 不是本部门辖区内的社区。"],
    en: ["Invalid target community", "{code} is not a community in your department's jurisdiction."],
  },
  /** Targets in more than one district: no single street or district can decide. */
  ADMIN_TASK_TARGETS_SPAN: {
    status: 422,
    "zh-CN": ["目标社区跨区", "目标社区须在同一个区（县）内，由街道或区审核；跨区事项请分别申报。"],
    en: [
      "Targets span districts",
      "Target communities must lie in one district so that its street or district can decide; apply per district.",
    ],
  },
  /** The department is inactive, unknown, or the account acts for several and named none. */
  ADMIN_TASK_DEPARTMENT: {
    status: 422,
    "zh-CN": ["部门无效", "请选择您所属的、仍在使用的部门。"],
    en: ["Invalid department", "Choose an active department you work for."],
  },
  /** A take-back with no active target in the caller's scope. */
  ADMIN_TASK_NOTHING_TO_TAKE_BACK: {
    status: 409,
    "zh-CN": ["没有可回收的社区", "该事项在您辖区内没有仍由社区承担的目标社区。"],
    en: ["Nothing to take back", "No community in your jurisdiction still carries this task."],
  },
  /** Completing an occurrence that is not open. */
  ADMIN_TASK_OCCURRENCE_STATE: {
    status: 409,
    "zh-CN": ["工作项状态不允许", "该工作项当前为“{status}”，只有待办的工作项可以办结。"],
    en: ["Not open", "The occurrence is {status}; only an open one can be completed."],
  },
  /** Refusing an admitted (or withdrawn) task: only demands never admitted can be refused. */
  ADMIN_TASK_NOT_REFUSABLE: {
    status: 409,
    "zh-CN": ["不能拒绝", "该事项当前为“{status}”：已准入的事项须办理，只能拒绝未经准入的事项。"],
    en: ["Cannot be refused", "The task is {status}: an admitted task must be done; only demands never admitted can be refused."],
  },
  /** A community refusing the same task a second time. */
  ADMIN_TASK_ALREADY_REFUSED: {
    status: 409,
    "zh-CN": ["已拒绝", "本社区已拒绝过该事项。"],
    en: ["Already refused", "Your community has already refused this task."],
  },
  /** The caller works for several communities (or none) and named none in its jurisdiction. */
  ADMIN_TASK_COMMUNITY_REQUIRED: {
    status: 422,
    "zh-CN": ["请选择社区", "请指定您所在的社区（area_code）。"],
    en: ["Choose a community", "Name your community (area_code)."],
  },
  /** A department name already used in the same area. */
  DEPARTMENT_NAME_TAKEN: {
    status: 409,
    "zh-CN": ["部门名称已存在", "该辖区已有名为“{name}”的部门。"],
    en: ["Name taken", "The area already has a department named {name}."],
  },
  /** A department registered for a community, or an area that does not exist. */
  DEPARTMENT_AREA_INVALID: {
    status: 422,
    "zh-CN": ["部门辖区无效", "部门的辖区须为您辖区内的市、区或街道。"],
    en: ["Invalid jurisdiction", "A department's jurisdiction must be a city, district or street in your jurisdiction."],
  },
});

declare module "../../platform/errors/catalog.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the codes
  interface ErrorCodes extends Record<keyof typeof adminTasksErrors, true> {}
}
