import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";

/** Prints the page; the button itself stays off the paper. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button className="sanshe-no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
      {t("contracts.detail.print")}
    </Button>
  );
}
