import type { AuditVerification } from "@sanshe/contracts";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";

/** Outcome of "verify chain": green with the number of records checked, red with the first broken record. */
export function ChainVerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t("audit.verify.ok", { count: result.verified })}
        description={result.sealed_until ? t("audit.verify.sealedUntil", { seq: result.sealed_until }) : t("audit.verify.nothingSealed")}
      />
    );
  }
  const broken = result.first_broken;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t("audit.verify.broken")}
      description={
        broken
          ? t("audit.verify.brokenDetail", { id: broken.id, seq: broken.seq, reason: broken.reason, count: result.verified })
          : t("audit.verify.brokenUnknown")
      }
    />
  );
}
