import { LoginSchema, PasswordSchema } from "@sanshe/contracts";

export type PasswordProblem = "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_WEAK" | "PASSWORD_TOO_LONG";

/** Checks a password against the shared contract rule (10–128 characters, letters and digits). */
export function findPasswordProblem(value: string): PasswordProblem | null {
  const result = PasswordSchema.safeParse(value);
  if (result.success) {
    return null;
  }
  const message = result.error.issues[0]?.message;
  if (message === "PASSWORD_TOO_SHORT" || message === "PASSWORD_TOO_WEAK") {
    return message;
  }
  return "PASSWORD_TOO_LONG";
}

/** True when the login fits the shared contract rule (3–64 lowercase letters, digits, . _ -). */
export function isValidLogin(value: string): boolean {
  return LoginSchema.safeParse(value).success;
}
