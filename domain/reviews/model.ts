// Reviews of visits. A review request is written when a customer is first asked about a visit (by the
// job after the visit, or because they pressed "Leave a review"): its unique visitId makes "one
// request per visit" a fact of the database. A review is the rating a customer gave a visit, with an
// optional line; its unique visitId means one review per visit, however often the buttons are pressed.
import { Schema, type Types, type Connection, type InferSchemaType } from 'mongoose';
import { modelOn } from '../database.js';

/** The statistics read ratings straight from this collection (see domain/stats/service.ts). */
export const REVIEWS_COLLECTION = 'reviews';

const reviewRequestSchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true, index: true },
    /** The stamp entry in the ledger that the request is about. */
    visitId: { type: Schema.Types.ObjectId, required: true, unique: true },
    visitAt: { type: Date, required: true },
    askedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const reviewSchema = new Schema(
  {
    customerId: { type: Schema.Types.ObjectId, required: true },
    // Sparse, as unique indexes are here: ratings stored without a visit (imported ones) never collide.
    visitId: { type: Schema.Types.ObjectId, required: true, index: { unique: true, sparse: true } },
    requestId: { type: Schema.Types.ObjectId, required: true },
    visitAt: { type: Date, required: true },
    rating: { type: Number, required: true, min: 1, max: 5 },
    /** The customer's own line, if they wrote one (at most COMMENT_MAX_CHARS characters). */
    comment: { type: String, default: null },
    /** When the rating was given. */
    at: { type: Date, required: true },
    /** Until then the customer may add a line; then the review is passed on without one. */
    commentUntil: { type: Date, required: true },
    /** When the review went to the staff group (and to the owners, for a low rating). */
    publishedAt: { type: Date, default: null },
    /** Bonus stamps the review earned (0: none this time). */
    bonusStamps: { type: Number, required: true, default: 0 },
    /** The owners' answers sent to the customer through the bot. */
    replies: {
      type: [new Schema({ by: { type: Number, required: true }, at: { type: Date, required: true }, text: { type: String, required: true } }, { _id: false })],
      default: [],
    },
  },
  { versionKey: false, collection: REVIEWS_COLLECTION },
);
reviewSchema.index({ customerId: 1, at: -1 });

export type ReviewRequestDoc = InferSchemaType<typeof reviewRequestSchema> & { _id: Types.ObjectId };
export type ReviewDoc = InferSchemaType<typeof reviewSchema> & { _id: Types.ObjectId };

export function reviewRequestModel(conn: Connection) {
  return modelOn(conn, 'ReviewRequest', reviewRequestSchema);
}

export function reviewModel(conn: Connection) {
  return modelOn(conn, 'Review', reviewSchema);
}
