/* The admin's slug fields: Ukrainian titles in the national transliteration (website/slugs.py,
   whose table the page carries), then Django's own URLify. */
'use strict';
{
    const table = JSON.parse(document.getElementById('slug-transliteration').textContent);
    const isLetter = (character) => /\p{L}/u.test(character);

    const transliterate = function(text) {
        const lower = text.toLowerCase();
        let latin = '';
        for (let position = 0; position < lower.length; position++) {
            const letter = lower[position];
            const before = position ? lower[position - 1] : '';
            const forms = table.letters[letter];
            if (table.after[before + letter] !== undefined) {
                latin += table.after[before + letter];
            } else if (forms) {
                const inside = before !== '' && (isLetter(before) || table.apostrophes.includes(before));
                latin += forms[inside ? 1 : 0];
            } else if (!(table.apostrophes.includes(letter) && isLetter(before))) {
                latin += letter;
            }
        }
        return latin;
    };

    const djangoURLify = window.URLify;
    window.URLify = function(text, numChars, allowUnicode) {
        return djangoURLify(transliterate(text), numChars, allowUnicode);
    };
}
