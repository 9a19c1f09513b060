/**
 * What domain modules may use of platform/auth (docs/decisions/0017-module-boundaries.md). The accounts
 * and their memberships are shared platform identity: modules join them (a user's display name, the
 * members of a role in an area) and point foreign keys at `users.id`. Sessions stay private to platform/.
 */
export { memberships, users } from "./schema.js";
