// The punch card as a PNG: the QR a phone camera opens, the grid of stamps, the card number staff can
// type, and a few lines of text already in the customer's language. Fonts are DejaVu, shipped as an
// npm package, so Cyrillic renders the same on every machine and in the Docker image.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';

/** Everything the card shows; two cards with equal faces are the same picture. */
export interface CardFace {
  /** What the QR encodes: the staff deep link `https://t.me/<bot>?start=c_<token>`. */
  link: string;
  /** As printed, e.g. "ABCD-2345". */
  cardNumber: string;
  stamps: number;
  stampsPerReward: number;
  rewards: number;
  texts: {
    title: string;
    subtitle: string;
    cardNumberLabel: string;
    progress: string;
    /** Shown only when a reward is waiting. */
    rewardsReady: string;
    hint: string;
  };
}

/** Bump when the drawing changes, so cached card photos are drawn again. */
const DESIGN_VERSION = 1;

export function cardFingerprint(face: CardFace): string {
  return createHash('sha256').update(JSON.stringify({ v: DESIGN_VERSION, face })).digest('base64url');
}

const FONT = 'DejaVu Sans';
const MONO = 'DejaVu Sans Mono';
let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const [file, family] of [
    ['DejaVuSans.ttf', FONT],
    ['DejaVuSans-Bold.ttf', FONT],
    ['DejaVuSansMono-Bold.ttf', MONO],
  ] as const) {
    if (!GlobalFonts.registerFromPath(join(dir, file), family)) throw new Error(`cannot load the font ${file}`);
  }
  fontsRegistered = true;
}

const COLORS = {
  background: '#f6efe6',
  header: '#4e342e',
  headerText: '#ffffff',
  subtitle: '#e8d9c8',
  text: '#3e2723',
  muted: '#8d6e63',
  stamp: '#c0392b',
  stampMark: '#ffffff',
  empty: '#c9b8a6',
  reward: '#2e7d32',
};

const WIDTH = 800;
const MARGIN = 48;
const QR_SIZE = 420;

/** Grid shape for N stamps: at most 6 a row, rows as even as possible (8 → 4×2, 10 → 5×2, 30 → 6×5). */
export function gridShape(total: number): { columns: number; rows: number } {
  const rows = Math.ceil(total / 6);
  const columns = Math.ceil(total / rows);
  return { columns, rows };
}

function fitFont(ctx: SKRSContext2D, text: string, weight: string, size: number, maxWidth: number, family = FONT): void {
  let px = size;
  ctx.font = `${weight} ${px}px "${family}"`;
  while (px > 14 && ctx.measureText(text).width > maxWidth) {
    px -= 2;
    ctx.font = `${weight} ${px}px "${family}"`;
  }
}

/** Splits text into lines no wider than maxWidth (the reward name can be long in any language). */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function drawQr(ctx: SKRSContext2D, link: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = Math.floor(size / (modules.size + 2 * quiet));
  const drawn = cell * (modules.size + 2 * quiet);
  const left = x + Math.floor((size - drawn) / 2);
  const top = y + Math.floor((size - drawn) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000000';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) ctx.fillRect(left + (col + quiet) * cell, top + (row + quiet) * cell, cell, cell);
    }
  }
}

function drawStamp(ctx: SKRSContext2D, cx: number, cy: number, r: number, filled: boolean, index: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  if (filled) {
    ctx.fillStyle = COLORS.stamp;
    ctx.fill();
    // A tick, drawn rather than typed, so it never depends on a glyph.
    ctx.beginPath();
    ctx.moveTo(cx - r * 0.45, cy + r * 0.02);
    ctx.lineTo(cx - r * 0.12, cy + r * 0.35);
    ctx.lineTo(cx + r * 0.48, cy - r * 0.32);
    ctx.strokeStyle = COLORS.stampMark;
    ctx.lineWidth = Math.max(4, r * 0.18);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.stroke();
  } else {
    ctx.setLineDash([8, 6]);
    ctx.strokeStyle = COLORS.empty;
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = COLORS.empty;
    ctx.font = `bold ${Math.round(r * 0.7)}px "${FONT}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(index), cx, cy);
  }
}

export async function renderCard(face: CardFace): Promise<Buffer> {
  registerFonts();
  const { columns, rows } = gridShape(face.stampsPerReward);
  const innerWidth = WIDTH - 2 * MARGIN;
  const pitch = Math.min(110, Math.floor(innerWidth / columns));
  const radius = Math.floor(pitch * 0.4);

  // Measure the wrapped progress text first: the height of the picture depends on it.
  const probe = createCanvas(1, 1).getContext('2d');
  probe.font = `bold 30px "${FONT}"`;
  const progressLines = wrap(probe, face.texts.progress, innerWidth);

  const headerHeight = 130;
  const qrTop = headerHeight + 36;
  const numberTop = qrTop + QR_SIZE + 24;
  const gridTop = numberTop + 90;
  const progressTop = gridTop + rows * pitch + 24;
  const rewardsTop = progressTop + progressLines.length * 40 + 8;
  const hintTop = rewardsTop + (face.rewards > 0 ? 52 : 0) + 12;
  const height = hintTop + 60;

  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, WIDTH, height);

  ctx.fillStyle = COLORS.header;
  ctx.fillRect(0, 0, WIDTH, headerHeight);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = COLORS.headerText;
  fitFont(ctx, face.texts.title, 'bold', 44, innerWidth);
  ctx.fillText(face.texts.title, WIDTH / 2, 66);
  ctx.fillStyle = COLORS.subtitle;
  fitFont(ctx, face.texts.subtitle, 'normal', 26, innerWidth);
  ctx.fillText(face.texts.subtitle, WIDTH / 2, 108);

  drawQr(ctx, face.link, (WIDTH - QR_SIZE) / 2, qrTop, QR_SIZE);

  ctx.fillStyle = COLORS.muted;
  fitFont(ctx, face.texts.cardNumberLabel, 'normal', 22, innerWidth);
  ctx.fillText(face.texts.cardNumberLabel, WIDTH / 2, numberTop + 22);
  ctx.fillStyle = COLORS.text;
  fitFont(ctx, face.cardNumber, 'bold', 48, innerWidth, MONO);
  ctx.fillText(face.cardNumber, WIDTH / 2, numberTop + 70);

  const filled = Math.min(face.stamps, face.stampsPerReward);
  const gridLeft = (WIDTH - columns * pitch) / 2;
  for (let i = 0; i < face.stampsPerReward; i++) {
    const row = Math.floor(i / columns);
    const inRow = row === rows - 1 ? face.stampsPerReward - row * columns : columns;
    const rowLeft = gridLeft + ((columns - inRow) * pitch) / 2;
    const cx = rowLeft + (i % columns) * pitch + pitch / 2;
    const cy = gridTop + row * pitch + pitch / 2;
    drawStamp(ctx, cx, cy, radius, i < filled, i + 1);
  }

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = COLORS.text;
  ctx.font = `bold 30px "${FONT}"`;
  progressLines.forEach((line, i) => ctx.fillText(line, WIDTH / 2, progressTop + 30 + i * 40));

  if (face.rewards > 0) {
    ctx.fillStyle = COLORS.reward;
    fitFont(ctx, face.texts.rewardsReady, 'bold', 32, innerWidth);
    ctx.fillText(face.texts.rewardsReady, WIDTH / 2, rewardsTop + 34);
  }

  ctx.fillStyle = COLORS.muted;
  fitFont(ctx, face.texts.hint, 'normal', 22, innerWidth);
  ctx.fillText(face.texts.hint, WIDTH / 2, hintTop + 30);

  return canvas.encode('png');
}
