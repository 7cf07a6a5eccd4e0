import { SeededRandom } from '../util/random.js';

export interface StepPosition {
  /** 0-based epoch. */
  epoch: number;
  /** 0-based batch within the epoch. */
  batchInEpoch: number;
}

/**
 * Seeded epoch sampler with drop-last, like a shuffled DataLoader: every epoch is a fresh
 * permutation of the dataset cut into full batches. It is stateless — the batch of any step
 * is a pure function of (seed, step) — so a resumed run sees exactly the prompts an
 * uninterrupted run would have.
 */
export class EpochSampler {
  readonly stepsPerEpoch: number;
  private cachedEpoch = -1;
  private cachedOrder: number[] = [];

  constructor(
    readonly datasetSize: number,
    readonly batchSize: number,
    readonly seed: number,
  ) {
    this.stepsPerEpoch = Math.floor(datasetSize / batchSize);
  }

  position(step: number): StepPosition {
    return { epoch: Math.floor(step / this.stepsPerEpoch), batchInEpoch: step % this.stepsPerEpoch };
  }

  totalSteps(epochs: number): number {
    return this.stepsPerEpoch * epochs;
  }

  /** Dataset indices of the prompts of `step`. */
  batch(step: number): number[] {
    const { epoch, batchInEpoch } = this.position(step);
    const order = this.order(epoch);
    return order.slice(batchInEpoch * this.batchSize, (batchInEpoch + 1) * this.batchSize);
  }

  private order(epoch: number): number[] {
    if (epoch !== this.cachedEpoch) {
      // One generator per (seed, epoch): mixing the epoch into the seed keeps epochs independent.
      const rng = new SeededRandom((Math.imul(this.seed, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca77)) >>> 0);
      this.cachedOrder = rng.shuffle(Array.from({ length: this.datasetSize }, (_, i) => i));
      this.cachedEpoch = epoch;
    }
    return this.cachedOrder;
  }
}
