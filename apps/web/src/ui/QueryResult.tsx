import type { UseQueryResult } from "@tanstack/react-query";
import { Spin } from "antd";
import type { ReactNode } from "react";
import { ProblemAlert } from "./ProblemAlert";

type QueryResultProps<T> = {
  query: UseQueryResult<T>;
  /** What to show once the answer is there. */
  children: (data: T) => ReactNode;
};

/** A spinner while the query loads, its problem when it fails, otherwise `children` of its answer. */
export function QueryResult<T>({ query, children }: QueryResultProps<T>) {
  if (query.isPending) {
    return <Spin />;
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} />;
  }
  return <>{children(query.data)}</>;
}
