import type { PublicService } from "@sanshe/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** ¥ amount from integer fen. */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)}`;
}

/** Price tag: 免费 (green), 低偿 ¥x (blue), 有偿 ¥x (orange). */
export function PriceTag({ service }: { service: Pick<PublicService, "price_kind" | "price_fen"> }) {
  const { t } = useTranslation();
  const color = { free: "green", low_cost: "blue", paid: "orange" }[service.price_kind];
  const amount = service.price_kind !== "free" && service.price_fen !== null ? ` ${formatYuan(service.price_fen)}` : "";
  return (
    <Tag color={color}>
      {t(`services.price.${service.price_kind}`)}
      {amount}
    </Tag>
  );
}
