/**
 * Pure rules of the honest loop (issue 13): when staff may confirm a need in the resident's place.
 */

const dayMs = 86_400_000;

/**
 * From when staff may confirm a done need by a recorded call-back: at once when the resident has no
 * account to confirm with (anonymous contact, Open311 reporter, a record not linked to an account),
 * otherwise after the resident's wait. Null while the need is not done.
 */
export function callbackAllowedFrom(doneAt: Date | null, residentHasAccount: boolean, waitDays: number): Date | null {
  if (!doneAt) {
    return null;
  }
  return residentHasAccount ? new Date(doneAt.getTime() + waitDays * dayMs) : doneAt;
}
