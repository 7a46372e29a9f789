/* test_keys.c - the one key table (keys.h): no conflicts, help for every command, the old keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "bank.h"
#include "keys.h"
#include "results.h"

/* The screens and modes a person can be in (every scope but the inherited-only ones). */
static const keys_scope screens[] = {
	KEYS_SCOPE_SMALL, KEYS_SCOPE_HELP, KEYS_SCOPE_CONFIRM, KEYS_SCOPE_WELCOME, KEYS_SCOPE_ITEM,
	KEYS_SCOPE_ITEM_TEXT, KEYS_SCOPE_REVIEW, KEYS_SCOPE_RESULTS, KEYS_SCOPE_SAVE_PATH,
	KEYS_SCOPE_SAVE_QUESTION, KEYS_SCOPE_LEARN, KEYS_SCOPE_LEARN_EXAMPLE, KEYS_SCOPE_SEARCH,
	KEYS_SCOPE_EXPLORE, KEYS_SCOPE_REPORT_PATH,
};
#define NSCREENS (sizeof screens / sizeof *screens)

/* The command key has in scope s, or KEYS_CMD_NONE. */
static keys_cmd
cmd_of(keys_scope s, int key)
{
	const keys_binding *b = keys_lookup(s, key);

	return b ? b->cmd : KEYS_CMD_NONE;
}

/* The help line of cmd in scope s, or NULL. */
static const keys_help_line *
help_line(keys_scope s, keys_cmd cmd, keys_help_line *lines, size_t *n)
{
	*n = keys_help(s, lines, KEYS_HELP_MAX);
	for (size_t i = 0; i < *n && i < KEYS_HELP_MAX; i++)
		if (lines[i].cmd == cmd)
			return &lines[i];
	return NULL;
}

/* No two rows of one scope bind the same key. */
static void
test_no_conflicts(void **state)
{
	char name[32];

	(void)state;
	for (size_t i = 0; i < keys_count; i++)
		for (size_t j = i + 1; j < keys_count; j++)
			if (keys_table[i].scope == keys_table[j].scope &&
			    keys_table[i].key == keys_table[j].key)
				fail_msg("scope %s binds %s twice (rows %zu and %zu)",
				         keys_scope_name(keys_table[i].scope),
				         keys_name(keys_table[i].key, name, sizeof name), i, j);
}

/* Every row is well formed: a valid scope and command, a key with a name. */
static void
test_rows_valid(void **state)
{
	char name[32];

	(void)state;
	assert_true(keys_count > 100);
	for (size_t i = 0; i < keys_count; i++) {
		const keys_binding *b = &keys_table[i];
		assert_true(b->scope >= 0 && b->scope < KEYS_SCOPE_COUNT);
		assert_true(b->cmd > KEYS_CMD_NONE && b->cmd < KEYS_CMD_COUNT);
		assert_true(b->key > 0);
		keys_name(b->key, name, sizeof name);
		if (strncmp(name, "U+", 2) == 0 || !name[0])
			fail_msg("row %zu: key %d has no name", i, b->key);
		assert_true(b->help == NULL || b->help[0]);
	}
}

/* Every command is bound somewhere, and has a help text in every scope that binds it. */
static void
test_every_command_has_help(void **state)
{
	(void)state;
	for (int c = KEYS_CMD_NONE + 1; c < KEYS_CMD_COUNT; c++) {
		int bound = 0;
		for (size_t i = 0; i < keys_count; i++) {
			if (keys_table[i].cmd != (keys_cmd)c)
				continue;
			bound = 1;
			if (!keys_help_text(keys_table[i].scope, (keys_cmd)c))
				fail_msg("command %d has no help text in scope %s", c,
				         keys_scope_name(keys_table[i].scope));
		}
		if (!bound)
			fail_msg("command %d is bound to no key", c);
	}
}

/* The scopes form a tree rooted at KEYS_SCOPE_ANY, with distinct names. */
static void
test_scope_tree(void **state)
{
	(void)state;
	assert_int_equal(keys_parent(KEYS_SCOPE_ANY), KEYS_SCOPE_ANY);
	for (int s = 0; s < KEYS_SCOPE_COUNT; s++) {
		keys_scope p = (keys_scope)s;
		int depth = 0;
		while (p != KEYS_SCOPE_ANY && depth < KEYS_SCOPE_COUNT) {
			p = keys_parent(p);
			depth++;
		}
		assert_int_equal(p, KEYS_SCOPE_ANY);
		for (int t = s + 1; t < KEYS_SCOPE_COUNT; t++)
			assert_string_not_equal(keys_scope_name((keys_scope)s),
			                        keys_scope_name((keys_scope)t));
	}
}

/* While typing, no printable character is a command; Ctrl-L still redraws everywhere. */
static void
test_text_entry(void **state)
{
	const keys_scope typing[] = { KEYS_SCOPE_ITEM_TEXT, KEYS_SCOPE_SAVE_PATH, KEYS_SCOPE_SEARCH,
	                              KEYS_SCOPE_REPORT_PATH };

	(void)state;
	for (size_t i = 0; i < sizeof typing / sizeof *typing; i++) {
		assert_true(keys_text_entry(typing[i]));
		for (int c = 0x20; c < 0x7f; c++)
			if (keys_lookup(typing[i], c))
				fail_msg("'%c' is a command in %s", c, keys_scope_name(typing[i]));
		assert_int_equal(cmd_of(typing[i], KEYS_CTRL('w')), KEYS_CMD_EDIT_KILL_WORD);
		assert_int_equal(cmd_of(typing[i], KEYS_ENTER), KEYS_CMD_CONFIRM);
	}
	for (size_t i = 0; i < NSCREENS; i++)
		assert_int_equal(cmd_of(screens[i], KEYS_CTRL('l')), KEYS_CMD_REDRAW);
	assert_false(keys_text_entry(KEYS_SCOPE_ITEM));
	assert_false(keys_text_entry(KEYS_SCOPE_LEARN_EXAMPLE));
}

/* Every screen has a help: a line per command, keys and text never empty. */
static void
test_help_generated(void **state)
{
	keys_help_line lines[KEYS_HELP_MAX];

	(void)state;
	for (size_t i = 0; i < NSCREENS; i++) {
		size_t n = keys_help(screens[i], lines, KEYS_HELP_MAX);
		assert_true(n > 0 && n <= KEYS_HELP_MAX);
		for (size_t j = 0; j < n; j++) {
			assert_true(lines[j].keys[0]);
			assert_non_null(lines[j].text);
			if (!lines[j].text[0])
				fail_msg("%s: no help text for %s", keys_scope_name(screens[i]), lines[j].keys);
			for (size_t k = j + 1; k < n; k++)
				assert_int_not_equal(lines[j].cmd, lines[k].cmd);
		}
	}
}

/* The help lists what a key really does there, shadowed keys left out, runs joined. */
static void
test_help_lines(void **state)
{
	keys_help_line lines[KEYS_HELP_MAX];
	const keys_help_line *l;
	size_t n;

	(void)state;
	l = help_line(KEYS_SCOPE_EXPLORE, KEYS_CMD_JUMP_STYLE, lines, &n);
	assert_non_null(l);
	assert_string_equal(l->keys, "1-4");
	assert_non_null(strstr(l->text, "a typical point: Secure"));
	l = help_line(KEYS_SCOPE_EXPLORE, KEYS_CMD_BIG_UP, lines, &n);
	assert_string_equal(l->keys, "K, Shift-Up, PageUp");
	l = help_line(KEYS_SCOPE_EXPLORE, KEYS_CMD_CENTRE, lines, &n);
	assert_string_equal(l->keys, "c, 0");
	l = help_line(KEYS_SCOPE_ITEM, KEYS_CMD_NUMBER, lines, &n);
	assert_string_equal(l->keys, "0-9, -");
	l = help_line(KEYS_SCOPE_RESULTS, KEYS_CMD_SECTION_GOTO, lines, &n);
	assert_string_equal(l->keys, "1-6");
	assert_non_null(help_line(KEYS_SCOPE_RESULTS, KEYS_CMD_SAVE_REPORT, lines, &n));
	l = help_line(KEYS_SCOPE_RESULTS, KEYS_CMD_HELP, lines, &n);
	assert_string_equal(l->keys, "?, F1");
	assert_string_equal(l->text, "this help");
	/* the worked example: Right changes the answer there, so it no longer opens */
	l = help_line(KEYS_SCOPE_LEARN_EXAMPLE, KEYS_CMD_OPEN, lines, &n);
	assert_string_equal(l->keys, "Enter");
	l = help_line(KEYS_SCOPE_LEARN, KEYS_CMD_OPEN, lines, &n);
	assert_string_equal(l->keys, "Enter, Right, l");
	l = help_line(KEYS_SCOPE_LEARN_EXAMPLE, KEYS_CMD_EX_LESS, lines, &n);
	assert_non_null(strstr(l->text, "worked example: change the answer"));
	assert_null(help_line(KEYS_SCOPE_LEARN, KEYS_CMD_EX_LESS, lines, &n));
	/* a free-text answer: F1, not ?, and the editing keys */
	l = help_line(KEYS_SCOPE_ITEM_TEXT, KEYS_CMD_HELP, lines, &n);
	assert_string_equal(l->keys, "F1");
	l = help_line(KEYS_SCOPE_ITEM_TEXT, KEYS_CMD_CONFIRM, lines, &n);
	assert_string_equal(l->keys, "Enter, Down, PageDown");
	l = help_line(KEYS_SCOPE_ITEM_TEXT, KEYS_CMD_EDIT_HOME, lines, &n);
	assert_string_equal(l->keys, "Home, Ctrl-A");
	l = help_line(KEYS_SCOPE_ITEM_TEXT, KEYS_CMD_QUIT, lines, &n);
	assert_string_equal(l->keys, "F10, Esc");
	l = help_line(KEYS_SCOPE_ITEM_TEXT, KEYS_CMD_EDIT_LEFT, lines, &n);
	assert_string_equal(l->keys, "Left");
	assert_null(help_line(KEYS_SCOPE_ITEM_TEXT, KEYS_CMD_ITEM_NEXT, lines, &n));
}

/* Keys that were shared before the one table keep their meaning on each screen. */
static void
test_old_keys(void **state)
{
	(void)state;
	/* a question: Up, k, PageUp go back; Backspace erases a digit first */
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, KEYS_UP), KEYS_CMD_ITEM_PREV);
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, 'k'), KEYS_CMD_ITEM_PREV);
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, KEYS_PAGE_UP), KEYS_CMD_ITEM_PREV);
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, KEYS_BACKSPACE), KEYS_CMD_ITEM_ERASE);
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, 's'), KEYS_CMD_SKIP);
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, 'q'), KEYS_CMD_QUIT);
	assert_int_equal(cmd_of(KEYS_SCOPE_ITEM, KEYS_TAB), KEYS_CMD_NONE);
	assert_int_equal(keys_lookup(KEYS_SCOPE_ITEM, '7')->arg, '7');
	/* the guide tells a line from a page */
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, KEYS_UP), KEYS_CMD_LINE_UP);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, KEYS_PAGE_UP), KEYS_CMD_PAGE_UP);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, 'b'), KEYS_CMD_PAGE_UP);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, ' '), KEYS_CMD_PAGE_DOWN);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, '/'), KEYS_CMD_SEARCH);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, 'n'), KEYS_CMD_MATCH_NEXT);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, 'N'), KEYS_CMD_MATCH_PREV);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN, '5'), KEYS_CMD_NONE);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN_EXAMPLE, '5'), KEYS_CMD_EX_ANSWER);
	assert_int_equal(keys_lookup(KEYS_SCOPE_LEARN_EXAMPLE, '5')->arg, 5);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN_EXAMPLE, KEYS_UP), KEYS_CMD_LINE_UP);
	assert_int_equal(cmd_of(KEYS_SCOPE_LEARN_EXAMPLE, 'q'), KEYS_CMD_QUIT);
	/* the plane: a line is a small step, a page a big one */
	assert_int_equal(cmd_of(KEYS_SCOPE_EXPLORE, KEYS_UP), KEYS_CMD_MOVE_UP);
	assert_int_equal(cmd_of(KEYS_SCOPE_EXPLORE, KEYS_PAGE_UP), KEYS_CMD_BIG_UP);
	assert_int_equal(cmd_of(KEYS_SCOPE_EXPLORE, KEYS_HOME), KEYS_CMD_BIG_LEFT);
	assert_int_equal(cmd_of(KEYS_SCOPE_EXPLORE, '0'), KEYS_CMD_CENTRE);
	/* the results: sections 1 to 6, Space pages, b goes back to the answers */
	for (int i = 0; i < RESULTS_TABS; i++)
		assert_int_equal(keys_lookup(KEYS_SCOPE_RESULTS, '1' + i)->arg, i);
	assert_null(keys_lookup(KEYS_SCOPE_RESULTS, '1' + RESULTS_TABS));
	for (int i = 0; i < STYLE_COUNT; i++)
		assert_int_equal(keys_lookup(KEYS_SCOPE_EXPLORE, '1' + i)->arg, i);
	assert_int_equal(cmd_of(KEYS_SCOPE_RESULTS, ' '), KEYS_CMD_PAGE_DOWN);
	assert_int_equal(cmd_of(KEYS_SCOPE_RESULTS, 'b'), KEYS_CMD_REVIEW);
	assert_int_equal(cmd_of(KEYS_SCOPE_RESULTS, KEYS_ENTER), KEYS_CMD_QUIT);
	/* dialogs and the small window */
	assert_int_equal(cmd_of(KEYS_SCOPE_CONFIRM, 'q'), KEYS_CMD_YES);
	assert_int_equal(cmd_of(KEYS_SCOPE_CONFIRM, KEYS_ESC), KEYS_CMD_NO);
	assert_int_equal(cmd_of(KEYS_SCOPE_SMALL, 'q'), KEYS_CMD_QUIT);
	assert_int_equal(cmd_of(KEYS_SCOPE_SMALL, '7'), KEYS_CMD_NONE);
}

/* Key names as the help prints them. */
static void
test_names(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(keys_name(KEYS_PAGE_UP, b, sizeof b), "PageUp");
	assert_string_equal(keys_name(KEYS_F(10), b, sizeof b), "F10");
	assert_string_equal(keys_name(KEYS_CTRL('l'), b, sizeof b), "Ctrl-L");
	assert_string_equal(keys_name(KEYS_TAB, b, sizeof b), "Tab");
	assert_string_equal(keys_name(KEYS_BACKTAB, b, sizeof b), "Shift-Tab");
	assert_string_equal(keys_name(KEYS_ESC, b, sizeof b), "Esc");
	assert_string_equal(keys_name(' ', b, sizeof b), "Space");
	assert_string_equal(keys_name('[', b, sizeof b), "[");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_conflicts),
		cmocka_unit_test(test_rows_valid),
		cmocka_unit_test(test_every_command_has_help),
		cmocka_unit_test(test_scope_tree),
		cmocka_unit_test(test_text_entry),
		cmocka_unit_test(test_help_generated),
		cmocka_unit_test(test_help_lines),
		cmocka_unit_test(test_old_keys),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
