import { TranslationOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { ButtonProps } from "antd";
import { useTranslation } from "react-i18next";

/**
 * Switches between Chinese and English. The label names the language you switch *to*, written in
 * that language ("English" while in Chinese, "中文" while in English).
 */
export function LocaleSwitch({ type = "text" }: { type?: ButtonProps["type"] }) {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === "en";
  return (
    <Button
      type={type}
      icon={<TranslationOutlined />}
      data-testid="locale-switch"
      lang={isEnglish ? "zh-CN" : "en"}
      aria-label={isEnglish ? "切换到中文" : "Switch to English"}
      onClick={() => {
        void i18n.changeLanguage(isEnglish ? "zh-CN" : "en");
      }}
    >
      {isEnglish ? "中文" : "English"}
    </Button>
  );
}
