import { Skeleton } from "antd";
import { lazy, Suspense } from "react";

// Loaded on first use: the sections draw the ledger chart (ECharts), which stays out of the first load.
const FundingCreditSectionBody = lazy(() =>
  import("./contracts/components/FundingCreditSection").then((m) => ({ default: m.FundingCreditSection })),
);
const PublicCreditSummaryBody = lazy(() =>
  import("./contracts/components/FundingCreditSection").then((m) => ({ default: m.PublicCreditSummary })),
);

/** An organization's funding and credit section (see contracts/components/FundingCreditSection). */
export function FundingCreditSection({ orgId }: { orgId: string }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <FundingCreditSectionBody orgId={orgId} />
    </Suspense>
  );
}

/** The public summary of an organization's funding and credit. */
export function PublicCreditSummary({ orgId }: { orgId: string }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 1 }} />}>
      <PublicCreditSummaryBody orgId={orgId} />
    </Suspense>
  );
}
