import { Button, Result, Spin } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useSelfSignIn } from "../api";

/** The phone page the QR code opens: signs the signed-in invitee in once, and says so. */
export function SignInPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const token = params.get("t") ?? "";
  const signIn = useSelfSignIn(id);
  const sent = useRef(false);
  useEffect(() => {
    if (!sent.current) {
      sent.current = true;
      signIn.mutate(token);
    }
  }, [signIn, token]);

  if (signIn.isError) {
    return <Result status="warning" title={t("meetings.signIn.failed")} subTitle={<ProblemAlert error={signIn.error} />} />;
  }
  if (!signIn.data) {
    return <Spin size="large" style={{ display: "block", marginTop: 96 }} />;
  }
  return (
    <Result
      status="success"
      title={t("meetings.signIn.done")}
      subTitle={signIn.data.title}
      extra={
        <Link to={`/meetings/${id}`}>
          <Button type="primary">{t("meetings.signIn.open")}</Button>
        </Link>
      }
    />
  );
}
