import { int, seconds, times } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status, TARGETS } from "../lib/targets.mjs";

/**
 * Table rows of the build run.
 *
 * @example buildRows(result) // [{ name: "lint:spec + generate, 4 specs, --force", value: "6.5 s wall", … }]
 */
export function buildRows({ cache, specs, generator, types }) {
  const { second } = cache;
  return [
    {
      name: "lint:spec + generate, 4 specs, --force",
      value: `${seconds(specs.wallMs)} wall (task time: lint ${seconds(specs.lintTaskMs)}, generate ${seconds(specs.generateTaskMs)})`,
      data: specs,
    },
    {
      name: "generator, dynatrace spec, fresh process",
      value: `ours ${seconds(generator.oursMs)} · hey-api ${seconds(generator.heyApiMs)}`,
      ratio: `${times(ratio(generator.oursMs, generator.heyApiMs))} hey-api`,
      data: generator,
    },
    {
      name: "second `turbo run build`, no change",
      value: `${second.cached}/${second.total} cache hits in ${seconds(second.ms)}`,
      target: "all hits",
      status: status(second.cached === second.total),
      ...(second.misses.length ? { note: `rebuilt: ${second.misses.join(", ")} (an input changed between the two runs)` } : {}),
      data: cache,
    },
    {
      name: "tsc: consumer of 4 clients + connect()",
      value: `check ${types.consumer.checkS.toFixed(2)} s · ${int(types.consumer.instantiations)} instantiations`,
      ratio: `${times(ratio(types.consumer.checkS, types.floor.checkS))} check · ${times(ratio(types.consumer.instantiations, types.floor.instantiations))} inst.`,
      target: `check < ${TARGETS.checkSeconds} s`,
      status: status(types.consumer.checkS < TARGETS.checkSeconds),
      data: types.consumer,
    },
    {
      name: "tsc floor: same calls, bare openapi-fetch",
      value: `check ${types.floor.checkS.toFixed(2)} s · ${int(types.floor.instantiations)} instantiations`,
      data: types.floor,
    },
  ];
}

/** The section's heading. */
export const BUILD_TITLE = "4. Build — turbo tasks, generators and tsc --extendedDiagnostics";
