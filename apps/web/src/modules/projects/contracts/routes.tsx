import { lazy, type ReactNode } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../../auth";

const ContractListPage = lazy(() => import("./pages/ContractListPage").then((m) => ({ default: m.ContractListPage })));
const ContractCreatePage = lazy(() => import("./pages/ContractCreatePage").then((m) => ({ default: m.ContractCreatePage })));
const ContractPage = lazy(() => import("./pages/ContractPage").then((m) => ({ default: m.ContractPage })));
const FundingLedgerPage = lazy(() => import("./pages/FundingLedgerPage").then((m) => ({ default: m.FundingLedgerPage })));
const FundingStructurePage = lazy(() => import("./pages/FundingStructurePage").then((m) => ({ default: m.FundingStructurePage })));
const IndicatorsPage = lazy(() => import("./pages/IndicatorsPage").then((m) => ({ default: m.IndicatorsPage })));

const guarded = (element: ReactNode) => <RequirePermission permission="projects.read">{element}</RequirePermission>;

/** Contracts, milestones, the funding ledger, evaluation and indicators. */
export const contractRoutes: RouteObject[] = [
  { path: "contracts", element: guarded(<ContractListPage />) },
  {
    path: "contracts/new",
    element: (
      <RequirePermission permission="calls.manage">
        <ContractCreatePage />
      </RequirePermission>
    ),
  },
  { path: "contracts/:id", element: guarded(<ContractPage />) },
  { path: "funding-ledger", element: guarded(<FundingLedgerPage />) },
  { path: "funding-ledger/structure", element: guarded(<FundingStructurePage />) },
  {
    path: "projects/indicators",
    element: (
      <RequirePermission permission={["projects.read", "needs.dashboard"]}>
        <IndicatorsPage />
      </RequirePermission>
    ),
  },
];
