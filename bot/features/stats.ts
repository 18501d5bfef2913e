// /stats for owners: the program's numbers and a chart of visits per week over the last 12 weeks,
// drawn on the server. "How is this counted?" gives the definitions (README.md "Statistics" has the
// same ones, for developers).
import { Composer, InputFile } from 'grammy';
import { formatLocal, toLocal } from '../../domain/business-time.js';
import { renderBarChart } from '../../domain/stats/chart.js';
import type { BotContext } from '../context.js';
import { ownerData, statsKeyboard } from '../keyboards/owner.js';
import { staffNames } from '../staff-names.js';

export const statsFeature = new Composer<BotContext>();

const pad = (n: number) => String(n).padStart(2, '0');

statsFeature.chatType('private').command('stats', async (ctx) => {
  await ctx.replyWithChatAction('upload_photo');
  const { stats, settings, clock } = ctx.services;
  const [numbers, weeks, { timeZone }, byStaff] = await Promise.all([
    stats.programStats(),
    stats.weeklyVisits(),
    settings.get(),
    ctx.services.fraud.visitsByStaff(),
  ]);

  await ctx.reply(
    ctx.t('stats-text', {
      customers: numbers.customers.total,
      new7: numbers.customers.new7,
      new30: numbers.customers.new30,
      active: numbers.activeCustomers30,
      visits30: numbers.visits.last30,
      visitsTotal: numbers.visits.total,
      visitors: numbers.repeat.visitors,
      returning: numbers.repeat.returning,
      repeatPercent: Math.round((numbers.repeat.rate ?? 0) * 100),
      issued30: numbers.rewards.issued30,
      issuedTotal: numbers.rewards.issuedTotal,
      redeemed30: numbers.rewards.redeemed30,
      redeemedTotal: numbers.rewards.redeemedTotal,
      referralsJoined: numbers.referrals.joined,
      referralsConverted: numbers.referrals.converted,
      reviews: numbers.rating.count,
      rating: numbers.rating.average ?? 0,
      asOf: formatLocal(clock.now(), timeZone),
    }),
    { reply_markup: statsKeyboard(ctx.t.bind(ctx)) },
  );

  // Stamped visits per staff member over 30 days: the owner's first look at who stamps how much.
  const names = await staffNames(ctx.api, ctx.t.bind(ctx), await ctx.services.team.staffChatId(), byStaff.map((s) => s.staffId));
  const staffLines = byStaff.map((s) => ctx.t('stats-staff-line', { staff: names.get(s.staffId) ?? String(s.staffId), count: s.visits }));
  await ctx.reply([ctx.t('stats-staff-title'), ...(staffLines.length > 0 ? staffLines : [ctx.t('stats-staff-none')])].join('\n'));

  const chart = renderBarChart(
    weeks.map((week, i) => {
      const start = toLocal(week.weekStart, timeZone);
      return { label: `${pad(start.day)}.${pad(start.month)}`, value: week.visits, partial: i === weeks.length - 1 };
    }),
    { title: ctx.t('stats-chart-title', { weeks: weeks.length }), footnote: ctx.t('stats-chart-footnote', { timeZone }) },
  );
  await ctx.replyWithPhoto(new InputFile(chart, 'visits-per-week.png'), { caption: ctx.t('stats-chart-caption', { weeks: weeks.length }) });
});

statsFeature.chatType('private').callbackQuery(ownerData.statsHowCounted.trigger, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('stats-definitions'));
});
