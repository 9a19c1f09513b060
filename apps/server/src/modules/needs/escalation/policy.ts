/** Pure rules of escalation: which clock a referral missed and how its history entry reads. */

export type Clock = "respond" | "resolve";

const shanghai = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2 天 3 小时", "5 小时", "20 分钟". */
export function lateBy(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) {
    return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  }
  return hours > 0 ? `${hours} 小时` : `${minutes} 分钟`;
}

/** The history reason: which clock, when it was due (Beijing time) and how late it is. */
export function escalationReason(clock: Clock, dueAt: Date, now: Date): string {
  const due = shanghai.format(dueAt);
  const late = lateBy(now.getTime() - dueAt.getTime());
  return clock === "respond"
    ? `接单超时：应于 ${due} 前接单，已超时 ${late}，已督办至街道`
    : `办结超时：应于 ${due} 前办结，已超时 ${late}，已督办至街道`;
}
