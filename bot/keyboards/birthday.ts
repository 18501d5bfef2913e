// The birthday buttons: the optional question after the card is issued, and the date picker (month,
// then day). The data carries the chosen values only; the date is validated again when saved.
import { InlineKeyboard } from 'grammy';
import type { Locale } from '../../domain/locales.js';
import { daysInBirthdayMonth } from '../../domain/occasions/birthday-dates.js';
import { codec, constant, fields } from '../callback-data.js';
import type { Translate } from '../translator.js';

export const birthdayData = {
  choose: constant('cust:bd:ask'),
  skip: constant('cust:bd:skip'),
  month: codec('cust:bd:m', fields.int(1, 12)),
  day: codec('cust:bd:d', fields.int(1, 12), fields.int(1, 31)),
};

/** Choose the date · Skip (the optional step after the card is issued). */
export function birthdayQuestionKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t('birthday-choose-button'), birthdayData.choose.encode()).text(t('birthday-skip-button'), birthdayData.skip.encode());
}

export function birthdayChangeKeyboard(t: Translate, label: 'birthday-choose-button' | 'birthday-change-button'): InlineKeyboard {
  return new InlineKeyboard().text(t(label), birthdayData.choose.encode());
}

/** Twelve months, three a row, in the customer's language. */
export function monthKeyboard(locale: Locale, monthName: (locale: Locale, month: number) => string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let month = 1; month <= 12; month++) {
    keyboard.text(monthName(locale, month), birthdayData.month.encode(month));
    if (month % 3 === 0) keyboard.row();
  }
  return keyboard;
}

/** The days of the month (29 for February), seven a row. */
export function dayKeyboard(month: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let day = 1; day <= daysInBirthdayMonth(month); day++) {
    keyboard.text(String(day), birthdayData.day.encode(month, day));
    if (day % 7 === 0) keyboard.row();
  }
  return keyboard;
}
