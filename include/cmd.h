/*
 * cmd.h - the subcommands.  Each takes the arguments after its name
 * (argv[0] is the subcommand name, as getopt_long expects) and returns the
 * process exit status (sysexits.h codes, SPEC section 1).
 */
#ifndef SB_CMD_H
#define SB_CMD_H

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_learn(int argc, char **argv);
int cmd_explore(int argc, char **argv);
int cmd_banks(int argc, char **argv);

#endif
