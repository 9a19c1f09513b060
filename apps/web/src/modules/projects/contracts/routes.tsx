import { Spin } from "antd";
import { lazy, Suspense, type ReactNode } from "react";
import type { RouteObject } from "react-router-dom";
import { RequirePermission } from "../../auth";

const ContractListPage = lazy(() => import("./pages/ContractListPage").then((m) => ({ default: m.ContractListPage })));
const ContractCreatePage = lazy(() => import("./pages/ContractCreatePage").then((m) => ({ default: m.ContractCreatePage })));
const ContractPage = lazy(() => import("./pages/ContractPage").then((m) => ({ default: m.ContractPage })));
const FundingLedgerPage = lazy(() => import("./pages/FundingLedgerPage").then((m) => ({ default: m.FundingLedgerPage })));
const FundingStructurePage = lazy(() => import("./pages/FundingStructurePage").then((m) => ({ default: m.FundingStructurePage })));
const ContractPrintPage = lazy(() => import("./pages/ContractPrintPage").then((m) => ({ default: m.ContractPrintPage })));
const EvaluationPrintPage = lazy(() => import("./pages/EvaluationPrintPage").then((m) => ({ default: m.EvaluationPrintPage })));
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

/** The printable contract and evaluation report, outside the console layout. */
export const contractStandaloneRoutes: RouteObject[] = [
  { path: "/contracts/:id/print", element: <Suspense fallback={<Spin />}>{guarded(<ContractPrintPage />)}</Suspense> },
  { path: "/contracts/:id/evaluation/print", element: <Suspense fallback={<Spin />}>{guarded(<EvaluationPrintPage />)}</Suspense> },
];
