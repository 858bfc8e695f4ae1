import { Button, Menu, MenuItem, MenuTrigger, Popover, type Selection } from 'react-aria-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, languageAutonym, languageNameIn, rememberLocale } from '../i18n';
import { loadAllScriptFonts } from '../i18n/fonts';
import { LanguageButtonContent } from './LanguageButtonContent';

/** "Language: English" menu (react-aria Menu). Each language is listed in its own name and script. */
export interface LanguageSwitcherProps {
  onChange?: (locale: string) => void;
  /** It replaces a stand-in button that had focus (AppShell loads the menu when first wanted): keep focus here. */
  takeFocus?: boolean;
  /** The stand-in was pressed: open the menu at once. */
  defaultOpen?: boolean;
}

export function LanguageSwitcher({ onChange, takeFocus, defaultOpen }: LanguageSwitcherProps) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  // Each language is named in its own script: the menu needs every script's face.
  useEffect(() => void loadAllScriptFonts(), []);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Focus first, then open: closing the menu returns focus to this button, not to the stand-in that is gone.
  useEffect(() => {
    if (takeFocus || defaultOpen) button.current?.focus();
    if (!defaultOpen) return;
    const frame = requestAnimationFrame(() => setOpen(true));
    return () => cancelAnimationFrame(frame);
  }, [takeFocus, defaultOpen]);
  const change = (keys: Selection) => {
    if (keys === 'all') return;
    const [next] = [...keys];
    if (typeof next !== 'string' || next === current) return;
    rememberLocale(next);
    void i18n.changeLanguage(next);
    onChange?.(next);
  };
  return (
    <MenuTrigger isOpen={open} onOpenChange={setOpen}>
      <Button className="lang-button" ref={button}>
        <LanguageButtonContent />
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
