import { describe, expect, it } from "vitest";
import {
  renderDataDeleted,
  renderDeleteDataQuestion,
} from "../src/owner-settings/delete-data/delete-data-view.ts";

const plain = (html: string) => html.replace(/<[^>]+>/g, "");

describe("/deletedata's summary", () => {
  it("speaks of one brand, one feed and one draft in the singular", () => {
    expect(plain(renderDeleteDataQuestion({ brands: 1, feeds: 1, drafts: 1 }))).toContain(
      "That is your registration, 1 brand with its settings, 1 feed and its articles, 1 draft or scheduled post, AI usage records",
    );
    expect(plain(renderDataDeleted({ brands: 1, feeds: 1, drafts: 1, imageKeys: [] }))).toContain(
      "Your registration, 1 brand, 1 feed, 1 draft with its image, comments received, AI usage records",
    );
  });

  it("speaks of none and of several in the plural", () => {
    expect(plain(renderDeleteDataQuestion({ brands: 2, feeds: 0, drafts: 1200 }))).toContain(
      "2 brands with their settings, 0 feeds and their articles, 1,200 drafts and scheduled posts,",
    );
    expect(plain(renderDataDeleted({ brands: 3, feeds: 12, drafts: 0, imageKeys: [] }))).toContain(
      "Your registration, 3 brands, 12 feeds, 0 drafts with their images,",
    );
  });
});
