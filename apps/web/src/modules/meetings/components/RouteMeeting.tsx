import type { Meeting } from "@sanshe/contracts";
import type { ReactNode } from "react";
import { useParams } from "react-router-dom";
import { QueryResult } from "../../../ui/QueryResult";
import { useMeeting } from "../api";

/** The meeting named by the route's `:id`, loaded (spinner, then its problem or `children`). */
export function RouteMeeting({ children }: { children: (meeting: Meeting) => ReactNode }) {
  const { id } = useParams<{ id: string }>();
  return <QueryResult query={useMeeting(id)}>{children}</QueryResult>;
}
