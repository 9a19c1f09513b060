import { BellOutlined } from "@ant-design/icons";
import { Badge, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useUnreadCount } from "../api";

/** Header bell with the unread count; opens the notifications page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: unread = 0 } = useUnreadCount();
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button
        type="text"
        icon={<BellOutlined />}
        data-testid="header-notifications"
        aria-label={t("notifications.bell", { count: unread })}
        onClick={() => void navigate("/notifications")}
      />
    </Badge>
  );
}
