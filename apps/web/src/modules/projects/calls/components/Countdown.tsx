import { Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { timeLeft } from "../deadline";

/** Time left until the deadline, ticking each second; calls `onPassed` once when it is reached. */
export function Countdown({ deadline, onPassed }: { deadline: string; onPassed?: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = timeLeft(deadline, now);
  const hasPassed = left === null;
  useEffect(() => {
    if (hasPassed) {
      return undefined;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [hasPassed]);
  useEffect(() => {
    if (hasPassed) {
      onPassed?.();
    }
  }, [hasPassed, onPassed]);
  if (!left) {
    return <Typography.Text type="secondary">{t("calls.countdown.passed")}</Typography.Text>;
  }
  return (
    <Typography.Text strong data-testid="countdown">
      {left.days > 0 ? t("calls.countdown.days", left) : t("calls.countdown.hours", left)}
    </Typography.Text>
  );
}
