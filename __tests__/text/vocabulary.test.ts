import { tokenize } from "../../src/text/tokenize.js";
import { beginDocument, MAX_VOCABULARY, WordCache, WordInts, wordId } from "../../src/text/vocabulary.js";

describe("vocabulary: word ids for the per-word caches", () => {
  test("a token's id is its text's: same text, same id; another text, another id", () => {
    const { tokens } = tokenize("قال الرئيس إن الرئيس غادر بغداد");
    const [qala, president, , again, left, baghdad] = tokens;
    expect(again!.word).toBe(president!.word);
    expect(new Set([qala!.word, president!.word, left!.word, baghdad!.word]).size).toBe(4);
    expect(wordId("بغداد")).toBe(baghdad!.word);
  });

  test("a full vocabulary starts afresh at the next document, and caches of the old ids empty themselves", () => {
    const cache = new WordCache<string>();
    const ints = new WordInts();
    const id = wordId("كركوك");
    cache.set(id, "place");
    ints.set(id, 7);
    expect(ints.get(id + 5000)).toBe(-1); // past the end: none
    beginDocument(); // not full: nothing changes
    expect(cache.get(id)).toBe("place");
    expect(ints.get(id)).toBe(7);
    for (let i = 0; wordId(`w${i}`) < MAX_VOCABULARY - 1; i++);
    ints.set(MAX_VOCABULARY - 1, 3); // grows
    beginDocument();
    expect(cache.get(id)).toBeUndefined();
    expect(ints.get(id)).toBe(-1);
    expect(ints.get(MAX_VOCABULARY - 1)).toBe(-1);
    expect(wordId("الموصل")).toBe(0);
  });
});
