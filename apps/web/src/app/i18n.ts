import type { Locale } from "@sanshe/contracts";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import apiClientsEn from "../modules/api-clients/i18n/en.json";
import apiClientsZh from "../modules/api-clients/i18n/zh-CN.json";
import auditEn from "../modules/audit/i18n/en.json";
import auditZh from "../modules/audit/i18n/zh-CN.json";
import authEn from "../modules/auth/i18n/en.json";
import authZh from "../modules/auth/i18n/zh-CN.json";
import communitiesEn from "../modules/communities/i18n/en.json";
import communitiesZh from "../modules/communities/i18n/zh-CN.json";
import homeEn from "../modules/home/i18n/en.json";
import homeZh from "../modules/home/i18n/zh-CN.json";
import importsEn from "../modules/imports/i18n/en.json";
import importsZh from "../modules/imports/i18n/zh-CN.json";
import jurisdictionsEn from "../modules/jurisdictions/i18n/en.json";
import jurisdictionsZh from "../modules/jurisdictions/i18n/zh-CN.json";
import socialOrgsEn from "../modules/social-orgs/i18n/en.json";
import socialOrgsZh from "../modules/social-orgs/i18n/zh-CN.json";
import socialWorkersEn from "../modules/social-workers/i18n/en.json";
import needsEn from "../modules/needs/i18n/en.json";
import needsZh from "../modules/needs/i18n/zh-CN.json";
import notificationsEn from "../modules/notifications/i18n/en.json";
import notificationsZh from "../modules/notifications/i18n/zh-CN.json";
import announcementsEn from "../modules/announcements/i18n/en.json";
import announcementsZh from "../modules/announcements/i18n/zh-CN.json";
import socialWorkersZh from "../modules/social-workers/i18n/zh-CN.json";
import residentsEn from "../modules/residents/i18n/en.json";
import residentsZh from "../modules/residents/i18n/zh-CN.json";
import casesEn from "../modules/cases/i18n/en.json";
import meetingsEn from "../modules/meetings/i18n/en.json";
import meetingsZh from "../modules/meetings/i18n/zh-CN.json";
import projectsEn from "../modules/projects/i18n/en.json";
import projectsZh from "../modules/projects/i18n/zh-CN.json";
import callsEn from "../modules/projects/calls/i18n/en.json";
import callsZh from "../modules/projects/calls/i18n/zh-CN.json";
import contractsEn from "../modules/projects/contracts/i18n/en.json";
import contractsZh from "../modules/projects/contracts/i18n/zh-CN.json";
import casesZh from "../modules/cases/i18n/zh-CN.json";
import servicesEn from "../modules/services-directory/i18n/en.json";
import servicesZh from "../modules/services-directory/i18n/zh-CN.json";
import usersEn from "../modules/users/i18n/en.json";
import usersZh from "../modules/users/i18n/zh-CN.json";
import { setApiLanguage } from "../ui/api";
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
        ...authZh,
        ...homeZh,
        ...jurisdictionsZh,
        ...residentsZh,
        ...casesZh,
        ...meetingsZh,
        ...projectsZh,
        ...callsZh,
        ...contractsZh,
        ...servicesZh,
        ...communitiesZh,
        ...socialOrgsZh,
        ...socialWorkersZh,
        ...needsZh,
        ...notificationsZh,
        ...announcementsZh,
        ...usersZh,
        ...apiClientsZh,
        ...auditZh,
        ...importsZh,
      },
    },
    en: {
      translation: {
        ...appEn,
        ...uiEn,
        ...authEn,
        ...homeEn,
        ...jurisdictionsEn,
        ...residentsEn,
        ...casesEn,
        ...meetingsEn,
        ...projectsEn,
        ...callsEn,
        ...contractsEn,
        ...servicesEn,
        ...communitiesEn,
        ...socialOrgsEn,
        ...socialWorkersEn,
        ...needsEn,
        ...notificationsEn,
        ...announcementsEn,
        ...usersEn,
        ...apiClientsEn,
        ...auditEn,
        ...importsEn,
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
