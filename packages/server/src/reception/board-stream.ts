import type { ServerResponse } from 'node:http';
import type { PublicDisplayMode } from '@pivot/core/reception';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { type Actor, actorOf } from '../http/request-context.ts';
import { onWaitingRoomChange } from './board-events.ts';
import { publicBoard, waitingRoomBoard } from './desk-service.ts';

type View = 'staff' | PublicDisplayMode;

interface Screen {
  view: View;
  response: ServerResponse;
  /** Who watches a staff screen, and the patients already traced as shown to them. */
  viewer?: { actor: Actor; traced: Set<string> };
}

interface Frame {
  text: string;
  /** The patients a staff board shows by name (the public views show none). */
  patientIds: string[];
}

/**
 * Each patient a staff screen shows is traced once for that screen, when they first appear on it
 * (CSP L1110-4), not at every refresh (a change or every minute): their access log shows who had
 * them on screen without one entry a minute. Opening the stream is traced even on an empty board.
 */
async function traceShown(
  db: Db,
  viewer: NonNullable<Screen['viewer']>,
  patientIds: string[],
  opening = false,
) {
  const fresh = [...new Set(patientIds)].filter((id) => !viewer.traced.has(id));
  if (fresh.length === 0 && !opening) return;
  await db.kysely
    .transaction()
    .execute((tx) =>
      auditOfPatientsFrom(viewer.actor)(
        tx,
        { action: 'read', entity: 'waiting_room', details: { stream: 'staff' } },
        fresh,
      ),
    );
  for (const id of fresh) viewer.traced.add(id);
}

/**
 * The open screens of one organization. A change is read from the database once per view and
 * written to every screen; changes arriving while a read runs are folded into one more read.
 */
class OrganizationBoards {
  readonly screens = new Set<Screen>();
  private running = false;
  private again = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Db,
    private readonly organizationId: string,
    private readonly onEmpty: () => void,
  ) {
    this.unsubscribe = onWaitingRoomChange(organizationId, () => void this.refresh());
  }

  async render(view: View): Promise<Frame> {
    const now = Date.now();
    if (view === 'staff') {
      const data = await waitingRoomBoard(this.db.kysely, this.organizationId, now);
      return { text: frameOf(data), patientIds: data.visits.map((v) => v.patientId) };
    }
    return {
      text: frameOf(await publicBoard(this.db.kysely, this.organizationId, view, now)),
      patientIds: [],
    };
  }

  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        const views = new Set([...this.screens].map((s) => s.view));
        const frames = new Map<View, Frame>();
        for (const view of views) frames.set(view, await this.render(view));
        for (const screen of this.screens) {
          const frame = frames.get(screen.view);
          if (!frame) continue;
          if (screen.viewer) await traceShown(this.db, screen.viewer, frame.patientIds);
          screen.response.write(frame.text);
        }
      } while (this.again);
    } catch {
      // The next change or the periodic refresh tries again; screens keep their last board.
    } finally {
      this.running = false;
    }
  }

  remove(screen: Screen) {
    this.screens.delete(screen);
    if (this.screens.size === 0) {
      this.unsubscribe();
      this.onEmpty();
    }
  }
}

const frameOf = (data: unknown) => `event: board\ndata: ${JSON.stringify(data)}\n\n`;

const keepAliveMs = 20_000;
// Waiting times move with the clock even when nothing happens.
const periodicRefreshMs = 60_000;

/** Server-sent events: every open board gets the new waiting room within a moment of a change. */
export async function boardStreamRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const boards = new Map<string, OrganizationBoards>();
  const timer = setInterval(() => {
    for (const board of boards.values()) void board.refresh();
  }, periodicRefreshMs);
  timer.unref();
  const closers = new Set<() => void>();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    for (const close of closers) close();
  });

  const open = async (organizationId: string, view: View, response: ServerResponse, viewer?: Actor) => {
    let board = boards.get(organizationId);
    if (!board) {
      board = new OrganizationBoards(app.db, organizationId, () => boards.delete(organizationId));
      boards.set(organizationId, board);
    }
    const screen: Screen = {
      view,
      response,
      ...(viewer ? { viewer: { actor: viewer, traced: new Set() } } : {}),
    };
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: 3000\n\n`);
    const first = await board.render(view);
    if (screen.viewer) await traceShown(app.db, screen.viewer, first.patientIds, true);
    response.write(first.text);
    board.screens.add(screen);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), keepAliveMs);
    const close = () => {
      clearInterval(keepAlive);
      closers.delete(close);
      board.remove(screen);
      response.end();
    };
    closers.add(close);
    response.on('close', close);
  };

  app.get(
    '/api/reception/waiting-room/stream',
    {
      config: { permission: 'reception.use' },
      schema: { tags: ['reception'], summary: 'The waiting room as server-sent events (event "board")' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      await open(actor.organizationId, 'staff', reply.raw, actor);
    },
  );

  app.get(
    '/api/reception/waiting-room/display/stream',
    {
      config: { permission: 'reception.use' },
      schema: {
        tags: ['reception'],
        summary: 'The public waiting-room screen as server-sent events: tickets or initials, no names',
        querystring: z.object({ mode: z.enum(['ticket', 'initials']).default('ticket') }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      await open(actor.organizationId, request.query.mode, reply.raw);
    },
  );
}
