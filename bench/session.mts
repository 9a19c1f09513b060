/** Signs `login` in with `password` on the server at `base`; the session cookie (`sanshe_session=…`) to send. */
export async function signIn(base: string, login: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("sanshe_session="));
  if (response.status !== 200 || !cookie) {
    throw new Error(`sign-in of ${login} failed: ${response.status} ${await response.text()}`);
  }
  return cookie.split(";")[0] as string;
}
