import { useMe } from "../modules/auth";
import { ConsoleLayout } from "./ConsoleLayout";
import { ResidentLayout } from "./resident/ResidentLayout";
import { isResidentOnly } from "./resident/residentPortal";

/** The frame for signed-in pages: the resident portal for resident-only accounts, the console for staff. */
export function AppLayout() {
  const { data: me } = useMe();
  if (!me) {
    return null;
  }
  return isResidentOnly(me) ? <ResidentLayout /> : <ConsoleLayout />;
}
