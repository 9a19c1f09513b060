import type { ContractDetail } from "@sanshe/contracts";
import type { ReactNode } from "react";
import { useParams } from "react-router-dom";
import { QueryResult } from "../../../../ui/QueryResult";
import { useContract } from "../api";

/** The contract named by the route's `:id`, loaded (spinner, then its problem or `children`). */
export function RouteContract({ children }: { children: (contract: ContractDetail) => ReactNode }) {
  const { id } = useParams<{ id: string }>();
  return <QueryResult query={useContract(id)}>{children}</QueryResult>;
}
