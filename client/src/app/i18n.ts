import type { TLang } from '@client/api/errors.ts';
import da from '@client/locales/da.json';
import en from '@client/locales/en.json';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANG_STORAGE_KEY = 'jobbro.lang';

function storedLang(): TLang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

/** Switch the UI language, remember it and tell assistive technology (html lang). */
export function setLanguage(lang: TLang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode: the switch still works for this visit.
  }
  void i18n.changeLanguage(lang);
}

export function currentLang(): TLang {
  return i18n.language === 'en' ? 'en' : 'da';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'en' ? 'en' : 'da';
});

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'da',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = storedLang();

export default i18n;
