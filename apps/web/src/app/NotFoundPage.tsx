import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

/** 404 inside the console: the address matches no page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("app.notFound.subtitle")}
      extra={
        <Button type="primary" onClick={() => void navigate("/")}>
          {t("app.notFound.home")}
        </Button>
      }
    />
  );
}
