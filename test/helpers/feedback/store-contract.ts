/**
 * The contract every FeedbackStore passes. sqlite.test.ts and postgres.test.ts run this same
 * suite; a store that passes it is a drop-in for the endpoint and the report.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/feedback/server/stores/migrations.ts';
import type { FeedbackStore, SearchEventRecord, VoteRecord } from '../../../src/feedback/server/stores/types.ts';
import { REVISION } from './fixtures.ts';

export interface ContractStore {
  store: FeedbackStore;
  cleanup: () => Promise<void>;
}

let seq = 0;
/** A vote record as the endpoint would build it. */
export function createVoteRecord(overrides: Partial<VoteRecord> = {}): VoteRecord {
  seq++;
  return {
    eventId: crypto.randomUUID(),
    itemId: 'article:reset-password',
    visitorHash: `visitor-${seq}`,
    day: '2026-03-01',
    vote: 'up',
    reason: null,
    comment: null,
    pagePath: '/account/reset-password/',
    language: 'en',
    revision: REVISION,
    replaces: null,
    receivedAt: Date.parse('2026-03-01T10:00:00Z') + seq,
    ...overrides,
  };
}

/** A search event record as the endpoint would build it. */
export function createSearchEventRecord(overrides: Partial<SearchEventRecord> = {}): SearchEventRecord {
  seq++;
  return {
    eventId: crypto.randomUUID(),
    day: '2026-03-01',
    query: 'reset password',
    resultCount: 3,
    opened: null,
    contact: false,
    refinedFrom: null,
    channel: 'site',
    formSubmitted: null,
    language: 'en',
    revision: REVISION,
    receivedAt: Date.parse('2026-03-01T10:00:00Z') + seq,
    ...overrides,
  };
}

export function describeStoreContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`${name} store contract`, () => {
    let ctx: ContractStore;
    let store: FeedbackStore;
    beforeEach(async () => {
      ctx = await open();
      store = ctx.store;
    });
    afterEach(async () => {
      await ctx.cleanup();
    });

    it('applies every migration on start and records the version', async () => {
      expect(await store.getSchemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    });

    it('stores a new vote and reads it back field for field', async () => {
      const record = createVoteRecord({ vote: 'down', reason: 'hard-to-follow', comment: 'Step 3 is missing.' });
      expect(await store.recordVote(record)).toBe('created');
      const [stored, ...rest] = await store.listVotes();
      expect(rest).toEqual([]);
      expect(stored).toEqual({
        eventId: record.eventId,
        itemId: record.itemId,
        visitorHash: record.visitorHash,
        day: record.day,
        vote: 'down',
        reason: 'hard-to-follow',
        comment: 'Step 3 is missing.',
        pagePath: record.pagePath,
        language: 'en',
        revision: REVISION,
        createdAt: record.receivedAt,
        updatedAt: record.receivedAt,
      });
    });

    it('stores the same event id once, however often it is sent', async () => {
      const record = createVoteRecord();
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => store.recordVote({ ...record })));
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
      expect(await store.countVotes()).toBe(1);
    });

    it('keeps one row per item, visitor and day, holding the latest vote', async () => {
      const first = createVoteRecord({ visitorHash: 'v-same', vote: 'up' });
      const second = createVoteRecord({ visitorHash: 'v-same', vote: 'down', reason: 'incorrect' });
      expect(await store.recordVote(first)).toBe('created');
      expect(await store.recordVote(second)).toBe('updated');
      const votes = await store.listVotes();
      expect(votes).toHaveLength(1);
      expect(votes[0]).toMatchObject({
        vote: 'down',
        reason: 'incorrect',
        eventId: second.eventId,
        createdAt: first.receivedAt,
        updatedAt: second.receivedAt,
      });
    });

    it('ignores a late resend of an earlier vote once the reader changed their mind', async () => {
      const first = createVoteRecord({ visitorHash: 'v-late', vote: 'up' });
      const second = createVoteRecord({ visitorHash: 'v-late', vote: 'down', replaces: first.eventId });
      await store.recordVote(first);
      await store.recordVote(second);
      expect(await store.recordVote({ ...first, receivedAt: second.receivedAt + 1 })).toBe('duplicate');
      expect((await store.listVotes()).map((v) => [v.eventId, v.vote, v.updatedAt])).toEqual([
        [second.eventId, 'down', second.receivedAt],
      ]);
    });

    it('collapses 100 sends of the same vote, 10 of them concurrent, into one row', async () => {
      const base = { visitorHash: 'v-repeat', vote: 'up' as const };
      await Promise.all(Array.from({ length: 10 }, () => store.recordVote(createVoteRecord(base))));
      for (let i = 0; i < 90; i++) await store.recordVote(createVoteRecord(base));
      expect(await store.countVotes()).toBe(1);
    });

    it('keeps separate rows for different visitors, items and days', async () => {
      await store.recordVote(createVoteRecord({ visitorHash: 'a' }));
      await store.recordVote(createVoteRecord({ visitorHash: 'b' }));
      await store.recordVote(createVoteRecord({ visitorHash: 'a', itemId: 'faq:why-charged-twice' }));
      await store.recordVote(createVoteRecord({ visitorHash: 'a', day: '2026-03-02' }));
      expect(await store.countVotes()).toBe(4);
    });

    it("replaces the same visitor's earlier vote, also under yesterday's hash (previousVisitorHash)", async () => {
      const first = createVoteRecord({ visitorHash: 'day1-hash', day: '2026-03-01' });
      await store.recordVote(first);
      const change = createVoteRecord({
        visitorHash: 'day2-hash',
        previousVisitorHash: 'day1-hash',
        day: '2026-03-02',
        vote: 'down',
        replaces: first.eventId,
      });
      expect(await store.recordVote(change)).toBe('updated');
      const votes = await store.listVotes();
      expect(votes.map((v) => [v.day, v.vote])).toEqual([['2026-03-02', 'down']]);
    });

    it("never lets `replaces` remove another visitor's vote", async () => {
      const other = createVoteRecord({ visitorHash: 'someone-else' });
      await store.recordVote(other);
      expect(
        await store.recordVote(
          createVoteRecord({ visitorHash: 'me', previousVisitorHash: 'me-yesterday', replaces: other.eventId }),
        ),
      ).toBe('created');
      expect(await store.countVotes()).toBe(2);
    });

    it('never lets `replaces` remove a vote on another item', async () => {
      const other = createVoteRecord({ itemId: 'faq:why-charged-twice' });
      await store.recordVote(other);
      await store.recordVote(createVoteRecord({ replaces: other.eventId }));
      expect(await store.countVotes()).toBe(2);
    });

    it('stores comment text exactly as given, markup and formulas included', async () => {
      const texts = [
        '<script>alert(1)</script>',
        '=HYPERLINK("http://x")',
        'Zeile 1\nZeile 2 — ünïcödé 🎉',
        "Robert'); DROP TABLE votes;--",
      ];
      for (const comment of texts) await store.recordVote(createVoteRecord({ vote: 'down', comment }));
      expect((await store.listVotes()).map((v) => v.comment)).toEqual(texts);
    });

    it('filters votes by last change time and orders them oldest first', async () => {
      const t = Date.parse('2026-03-05T00:00:00Z');
      await store.recordVote(createVoteRecord({ receivedAt: t + 2 }));
      await store.recordVote(createVoteRecord({ receivedAt: t - 1 }));
      await store.recordVote(createVoteRecord({ receivedAt: t + 1 }));
      const since = await store.listVotes({ since: t });
      expect(since.map((v) => v.updatedAt)).toEqual([t + 1, t + 2]);
      expect((await store.listVotes({ until: t })).map((v) => v.updatedAt)).toEqual([t - 1]);
    });

    it('keeps 200 concurrent distinct votes, none lost', async () => {
      await Promise.all(Array.from({ length: 200 }, () => store.recordVote(createVoteRecord())));
      expect(await store.countVotes()).toBe(200);
    });

    it('rejects a row the schema forbids without failing the votes sent alongside it', async () => {
      const bad = createVoteRecord({ vote: 'maybe' as 'up' });
      const results = await Promise.allSettled([
        store.recordVote(createVoteRecord()),
        store.recordVote(bad),
        store.recordVote(createVoteRecord()),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await store.countVotes()).toBe(2);
    });

    it('gives every caller the first salt created for a day', async () => {
      expect(await store.getOrCreateSalt('2026-03-01', 'first')).toBe('first');
      expect(await store.getOrCreateSalt('2026-03-01', 'second')).toBe('first');
      const concurrent = await Promise.all(['a', 'b', 'c'].map((c) => store.getOrCreateSalt('2026-03-02', c)));
      expect(new Set(concurrent).size).toBe(1);
    });

    it('deletes salts of days before the given day', async () => {
      for (const day of ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
        await store.getOrCreateSalt(day, `s-${day}`);
      expect(await store.deleteSaltsBefore('2026-03-01')).toBe(2);
      expect(await store.listSaltDays()).toEqual(['2026-03-01', '2026-03-02']);
    });

    it('forgets old event ids, after which the same id counts as new', async () => {
      const record = createVoteRecord({ receivedAt: 1000 });
      await store.recordVote(record);
      expect(await store.deleteEventIdsBefore(2000)).toBe(1);
      expect(await store.recordVote({ ...record, visitorHash: 'another', receivedAt: 3000 })).toBe('created');
    });

    it('erases comments of votes last changed before a time, keeping the votes', async () => {
      await store.recordVote(createVoteRecord({ vote: 'down', comment: 'old text', receivedAt: 1000 }));
      await store.recordVote(createVoteRecord({ vote: 'down', comment: 'new text', receivedAt: 3000 }));
      await store.recordVote(createVoteRecord({ vote: 'up', receivedAt: 1500 }));
      expect(await store.deleteCommentsBefore(2000)).toBe(1);
      expect((await store.listVotes()).map((v) => [v.vote, v.comment])).toEqual([
        ['down', null],
        ['up', null],
        ['down', 'new text'],
      ]);
      expect(await store.deleteCommentsBefore(2000)).toBe(0);
    });

    it('deletes search events received before a time', async () => {
      await store.recordSearchEvent(createSearchEventRecord({ query: 'old', receivedAt: 1000 }));
      await store.recordSearchEvent(createSearchEventRecord({ query: 'new', receivedAt: 3000 }));
      expect(await store.deleteSearchEventsBefore(2000)).toBe(1);
      expect((await store.listSearchEvents()).map((e) => e.query)).toEqual(['new']);
    });

    it('stores a search event and reads it back field for field', async () => {
      const record = createSearchEventRecord({
        query: 'reimbursement',
        resultCount: 2,
        opened: '/returns-refunds/refund-timelines/',
        contact: true,
        refinedFrom: 'refund money back',
      });
      expect(await store.recordSearchEvent(record)).toBe('created');
      expect(await store.listSearchEvents()).toEqual([record]);
      expect(await store.countSearchEvents()).toBe(1);
      expect(await store.countVotes()).toBe(0);
    });

    it('stores the same search event id once, however often it is sent', async () => {
      const record = createSearchEventRecord();
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => store.recordSearchEvent({ ...record })));
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
      expect(await store.countSearchEvents()).toBe(1);
    });

    it('shares event ids between votes and search events, so one id is stored once across both', async () => {
      const vote = createVoteRecord();
      await store.recordVote(vote);
      expect(await store.recordSearchEvent(createSearchEventRecord({ eventId: vote.eventId }))).toBe('duplicate');
      expect(await store.countSearchEvents()).toBe(0);
    });

    it('keeps every search event as its own row, the same query included', async () => {
      await Promise.all(
        Array.from({ length: 50 }, () => store.recordSearchEvent(createSearchEventRecord({ query: 'invoice' }))),
      );
      await Promise.all(Array.from({ length: 50 }, () => store.recordVote(createVoteRecord())));
      expect(await store.countSearchEvents()).toBe(50);
      expect(await store.countVotes()).toBe(50);
    });

    it('filters search events by arrival time and orders them oldest first', async () => {
      const t = Date.parse('2026-03-05T00:00:00Z');
      await store.recordSearchEvent(createSearchEventRecord({ receivedAt: t + 2 }));
      await store.recordSearchEvent(createSearchEventRecord({ receivedAt: t - 1 }));
      await store.recordSearchEvent(createSearchEventRecord({ receivedAt: t + 1 }));
      expect((await store.listSearchEvents({ since: t })).map((e) => e.receivedAt)).toEqual([t + 1, t + 2]);
      expect((await store.listSearchEvents({ until: t })).map((e) => e.receivedAt)).toEqual([t - 1]);
    });

    it('rejects a search event the table forbids without failing the events sent alongside it', async () => {
      const bad = createSearchEventRecord({ opened: 'https://evil.example/' });
      const results = await Promise.allSettled([
        store.recordSearchEvent(createSearchEventRecord()),
        store.recordSearchEvent(bad),
        store.recordVote(createVoteRecord()),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await store.countSearchEvents()).toBe(1);
      expect(await store.countVotes()).toBe(1);
    });

    it('answers ping while open and rejects writes after close, which is safe to call twice', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await store.close();
      await expect(store.recordVote(createVoteRecord())).rejects.toThrow(/closed/);
      await expect(store.recordSearchEvent(createSearchEventRecord())).rejects.toThrow(/closed/);
    });
  });
}
