import { Button, Menu, MenuItem, MenuTrigger, Popover, type Selection } from 'react-aria-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, languageAutonym, languageNameIn, rememberLocale } from '../i18n';
import { loadAllScriptFonts } from '../i18n/fonts';

/** "Language: English" menu (react-aria Menu). Each language is listed in its own name and script. */
export function LanguageSwitcher({ onChange }: { onChange?: (locale: string) => void }) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  // Each language is named in its own script: the menu needs every script's face.
  useEffect(() => void loadAllScriptFonts(), []);
  const change = (keys: Selection) => {
    if (keys === 'all') return;
    const [next] = [...keys];
    if (typeof next !== 'string' || next === current) return;
    rememberLocale(next);
    void i18n.changeLanguage(next);
    onChange?.(next);
  };
  return (
    <MenuTrigger>
      <Button className="lang-button">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
          <path
            d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
        <span>
          <span className="lang-button__label">{t('layout.language.label')} </span>
          <span lang={current}>{languageAutonym(current)}</span>
        </span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={t('layout.language.menu')}
          selectionMode="single"
          selectedKeys={[current]}
          onSelectionChange={change}
        >
          {SUPPORTED_LOCALES.map((code) => (
            <MenuItem key={code} id={code} className="menu__item" textValue={languageAutonym(code)}>
              <span lang={code}>{languageAutonym(code)}</span>
              {code !== current && <LanguageHint code={code} reader={current} />}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

/** The language's name in the current language, beside its autonym ("ខ្មែរ · Khmer"), when it differs. */
function LanguageHint({ code, reader }: { code: string; reader: string }) {
  const name = languageNameIn(code, reader);
  if (!name || name.toLocaleLowerCase(reader) === languageAutonym(code).toLocaleLowerCase(code)) return null;
  return <span className="menu__item-hint"> · {name}</span>;
}
