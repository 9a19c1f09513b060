import type { Locale } from "@sanshe/contracts";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../ui/api";
import { consoleModules } from "./modules";
import uiEn from "../ui/i18n/en.json";
import uiZh from "../ui/i18n/zh-CN.json";
import appEn from "./locales/en.json";
import appZh from "./locales/zh-CN.json";

/** localStorage key holding the chosen language. */
export const LOCALE_STORAGE_KEY = "sanshe.locale";
export const DEFAULT_LOCALE: Locale = "zh-CN";

function isLocale(value: unknown): value is Locale {
  return value === "zh-CN" || value === "en";
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The language the console is shown in right now. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

/** Keeps everything outside React in step with the language: storage, <html lang>, API header, dayjs. */
function applyLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  setApiLanguage(locale);
  dayjs.locale(locale === "en" ? "en" : "zh-cn");
}

/** The modules' translations of one language, merged in registry order. */
function mergedMessages(locale: Locale): Record<string, unknown> {
  return consoleModules.reduce<Record<string, unknown>>((merged, module) => ({ ...merged, ...module.messages[locale] }), {});
}

const initialLocale = readStoredLocale();

void i18next.use(initReactI18next).init({
  lng: initialLocale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ["zh-CN", "en"],
  resources: {
    "zh-CN": {
      translation: {
        ...appZh,
        ...uiZh,
        ...mergedMessages("zh-CN"),
      },
    },
    en: {
      translation: {
        ...appEn,
        ...uiEn,
        ...mergedMessages("en"),
      },
    },
  },
  interpolation: { escapeValue: false },
  initAsync: false,
});

applyLocale(initialLocale);
i18next.on("languageChanged", (language) => {
  applyLocale(isLocale(language) ? language : DEFAULT_LOCALE);
});

export { i18next };
