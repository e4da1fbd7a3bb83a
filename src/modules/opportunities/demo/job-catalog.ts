import type { ContractType, experienceLevels, Sector } from '../kinds.js';
import { careAndFoodJobs } from './jobs-care.js';
import { servicesJobs } from './jobs-services.js';
import { tradesJobs } from './jobs-trades.js';

/**
 * The occupations of the demo job offers, close to what the Lot's employers actually publish: health and care
 * (the most wanted), the building trades, aeronautics around Figeac, food and agri-food, seasonal tourism,
 * services, digital, education and local public service. Weights are each occupation's share of offers.
 */
export interface JobTemplate {
  title: string;
  occupation: string;
  /** France Travail ROME code, when it is unambiguous. */
  romeCode?: string;
  sector: Sector;
  weight: number;
  /** A hard-to-fill profile (health, engineering, technicians). */
  wanted?: boolean;
  contracts: Partial<Record<ContractType, number>>;
  /** Gross pay range and its period. */
  pay?: [number, number, 'HOUR' | 'MONTH' | 'YEAR'];
  /** What the offer says about pay when there is no range (liberal practice). */
  payText?: string;
  /** Probability that the post is part time. */
  partTime?: number;
  experience: (keyof typeof experienceLevels)[];
  qualification?: string;
  /** Remote work is possible (digital occupations). */
  remote?: boolean;
  /** A summer season post (tourism, harvests). */
  seasonal?: boolean;
  /** Kinds of employer; a fictitious name is appended to one of them. */
  employers: string[];
  /** Sentences describing the missions; a few are picked per offer. */
  tasks: string[];
}

/** Every occupation, in a fixed order (the generator's draws depend on it). */
export const jobCatalog: JobTemplate[] = [...careAndFoodJobs, ...tradesJobs, ...servicesJobs];
