// The "visits per week" bar chart as a PNG, drawn on the server with @napi-rs/canvas and the DejaVu
// fonts from the dejavu-fonts-ttf package (Cyrillic titles render on any machine).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';

export interface ChartBar {
  label: string;
  value: number;
  /** The week still running: drawn lighter. */
  partial?: boolean;
}

export interface ChartTexts {
  title: string;
  /** Under the chart, e.g. "Weeks start on Monday · Europe/Sofia". */
  footnote: string;
}

const WIDTH = 1000;
const HEIGHT = 560;
const FONT = 'DejaVu Sans Chart';
const COLORS = { background: '#ffffff', bar: '#6d4c41', partial: '#bcaaa4', grid: '#eeeeee', axis: '#9e9e9e', text: '#3e2723', muted: '#8d6e63' };

let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    if (!GlobalFonts.registerFromPath(join(dir, file), FONT)) throw new Error(`cannot load the font ${file}`);
  }
  fontsRegistered = true;
}

/** A round step for the value axis, so the grid reads 0, 5, 10 … or 0, 20, 40 … */
function niceStep(max: number): number {
  const raw = Math.max(1, max) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(1, step);
}

export function renderBarChart(bars: ChartBar[], texts: ChartTexts): Buffer {
  registerFonts();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);

  ctx.fillStyle = COLORS.text;
  ctx.font = `bold 30px "${FONT}"`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(texts.title, 40, 28, WIDTH - 80);

  const plot = { left: 80, right: WIDTH - 30, top: 100, bottom: HEIGHT - 90 };
  const max = Math.max(0, ...bars.map((b) => b.value));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (value: number) => plot.bottom - ((plot.bottom - plot.top) * value) / top;

  ctx.font = `18px "${FONT}"`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let value = 0; value <= top; value += step) {
    ctx.strokeStyle = value === 0 ? COLORS.axis : COLORS.grid;
    ctx.lineWidth = value === 0 ? 2 : 1;
    ctx.beginPath();
    ctx.moveTo(plot.left, y(value));
    ctx.lineTo(plot.right, y(value));
    ctx.stroke();
    ctx.fillStyle = COLORS.muted;
    ctx.fillText(String(value), plot.left - 12, y(value));
  }

  const slot = (plot.right - plot.left) / Math.max(1, bars.length);
  const barWidth = slot * 0.64;
  bars.forEach((bar, i) => {
    const x = plot.left + slot * i + (slot - barWidth) / 2;
    ctx.fillStyle = bar.partial ? COLORS.partial : COLORS.bar;
    ctx.fillRect(x, y(bar.value), barWidth, plot.bottom - y(bar.value));

    ctx.fillStyle = COLORS.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.font = `bold 18px "${FONT}"`;
    ctx.fillText(String(bar.value), x + barWidth / 2, y(bar.value) - 6);

    ctx.textBaseline = 'top';
    ctx.font = `16px "${FONT}"`;
    ctx.fillStyle = COLORS.muted;
    ctx.fillText(bar.label, x + barWidth / 2, plot.bottom + 10);
  });

  ctx.font = `16px "${FONT}"`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = COLORS.muted;
  ctx.fillText(texts.footnote, 40, HEIGHT - 20, WIDTH - 80);

  return canvas.toBuffer('image/png');
}
