// SPDX-License-Identifier: Apache-2.0
// completion bash: a completion script generated from the command registry, so it always
// knows exactly the commands, aliases and options of the binary that printed it.
#include "command.h"

#include <QHash>

namespace ConnectDesk::Cli {

namespace {

/**
 * What each operand of a command is, by position: "@connectors", "@plugins", "@loggers" ask
 * the cluster (`get connectors -o name`, ...), "@contexts" the contexts file, a|b|c are the
 * words themselves; "..." repeats the last one. Commands not listed take free text (create's
 * new name, patch's KEY=VALUE after the name).
 */
QString operandKinds(const QStringList &words)
{
    static const QHash<QString, QString> kinds{
        {QStringLiteral("status"), QStringLiteral("@connectors...")},
        {QStringLiteral("describe connector"), QStringLiteral("@connectors")},
        {QStringLiteral("topics"), QStringLiteral("@connectors")},
        {QStringLiteral("patch"), QStringLiteral("@connectors")},
        {QStringLiteral("pause"), QStringLiteral("@connectors...")},
        {QStringLiteral("resume"), QStringLiteral("@connectors...")},
        {QStringLiteral("stop"), QStringLiteral("@connectors...")},
        {QStringLiteral("restart"), QStringLiteral("@connectors...")},
        {QStringLiteral("delete"), QStringLiteral("@connectors...")},
        {QStringLiteral("offsets get"), QStringLiteral("@connectors")},
        {QStringLiteral("offsets alter"), QStringLiteral("@connectors")},
        {QStringLiteral("offsets reset"), QStringLiteral("@connectors")},
        {QStringLiteral("dlq"), QStringLiteral("@connectors")},
        {QStringLiteral("describe plugin"), QStringLiteral("@plugins")},
        {QStringLiteral("validate"), QStringLiteral("@plugins")},
        {QStringLiteral("logger get"), QStringLiteral("@loggers")},
        {QStringLiteral("logger set"), QStringLiteral("@loggers ERROR|WARN|INFO|DEBUG|TRACE")},
        {QStringLiteral("config set-context"), QStringLiteral("@contexts")},
        {QStringLiteral("config use-context"), QStringLiteral("@contexts")},
        {QStringLiteral("config delete-context"), QStringLiteral("@contexts")},
        {QStringLiteral("completion"), QStringLiteral("bash")},
    };
    return kinds.value(words.join(QLatin1Char(' ')));
}

/** What an option's value is, in the same notation; empty for free text. */
QString valueKind(const OptionSpec &option)
{
    static const QHash<QString, QString> words{
        {QStringLiteral("output"), QStringLiteral("table|json|yaml|name")},
        {QStringLiteral("initial-state"), QStringLiteral("RUNNING|PAUSED|STOPPED")},
        {QStringLiteral("format"), QStringLiteral("json|properties")},
    };
    if (option.valueName == QLatin1String("FILE"))
        return QStringLiteral("@files");
    if (option.valueName == QLatin1String("DIR"))
        return QStringLiteral("@dirs");
    if (option.name == QLatin1String("context"))
        return QStringLiteral("@contexts");
    if (option.valueName.contains(QLatin1Char('|')))
        return option.valueName;
    return words.value(option.name);
}

/** The global options that pick the cluster, passed on when the script asks it for names:
 *  all but those that change what is printed. */
bool isConnectionOption(const OptionSpec &option)
{
    return option.name != QLatin1String("output") && option.name != QLatin1String("help")
        && option.name != QLatin1String("version");
}

QStringList spellings(const OptionSpec &option)
{
    QStringList result{QLatin1String("--") + option.name};
    if (!option.shortName.isNull())
        result.append(QLatin1Char('-') + option.shortName);
    return result;
}

QString quoted(const QString &word)
{
    return QLatin1Char('"') + word + QLatin1Char('"');
}

/** One `case` branch per distinct answer, the patterns joined with |, in first-seen order. */
QString caseBranches(const QList<std::pair<QString, QString>> &patternAnswers)
{
    QStringList answers;
    QHash<QString, QStringList> patterns;
    for (const auto &[pattern, answer] : patternAnswers) {
        if (answer.isEmpty())
            continue;
        if (!patterns.contains(answer))
            answers.append(answer);
        if (!patterns[answer].contains(pattern))
            patterns[answer].append(pattern);
    }
    QString branches;
    for (const QString &answer : std::as_const(answers))
        branches += QStringLiteral("        %1) echo %2 ;;\n")
                        .arg(patterns.value(answer).join(QLatin1Char('|')), quoted(answer));
    return branches;
}

// The part of the script that does not depend on the registry. bash cuts the line at
// COMP_WORDBREAKS (':' and '=' among them) as well as blanks, so `--url http://host:8083`
// arrives as five words; the script joins the pieces no blank separates before reading it.
const char *const scriptBody = R"BASH(
# Sets words and cword (the caller's locals): COMP_WORDS with the pieces no blank separates
# in COMP_LINE joined again.
_connectdesk_ctl_join_words() {
    local line="${COMP_LINE:-${COMP_WORDS[*]}}" rest word i j=-1
    for (( i = 0; i < ${#COMP_WORDS[@]}; i++ )); do
        word="${COMP_WORDS[i]}"
        rest="${line#"${line%%[![:space:]]*}"}"
        if (( j >= 0 )) && [[ -n "$word" && "$rest" == "$line" ]]; then
            words[j]+="$word"
        else
            words[++j]="$word"
        fi
        if [[ "$rest" == "$word"* ]]; then
            line="${rest:${#word}}"
        else
            line=" $rest"
        fi
        (( i == COMP_CWORD )) && cword=$j
    done
}

# A word as the program will see it: without surrounding quotes, ~/ expanded.
_connectdesk_ctl_dequote() {
    local value="$1"
    if [[ ${#value} -ge 2 && ( "$value" == \'*\' || "$value" == \"*\" ) ]]; then
        value="${value:1:${#value}-2}"
    fi
    [[ "$value" == "~/"* ]] && value="$HOME/${value:2}"
    printf '%s\n' "$value"
}

# Sets COMPREPLY to what kind $1 offers for the prefix $2 (uses the caller's program and connection).
_connectdesk_ctl_offer() {
    local kind="$1" prefix="$2" IFS=$'\n'
    case "$kind" in
        "") ;;
        @files) compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$(_connectdesk_ctl_dequote "$prefix")") ;;
        @dirs) compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$(_connectdesk_ctl_dequote "$prefix")") ;;
        @contexts)
            mapfile -t COMPREPLY < <(compgen -W "$("$program" config get-contexts -o name 2>/dev/null)" -- "$prefix") ;;
        @*)
            # get connectors|plugins|loggers; the user's own --timeout comes later and wins.
            local names
            names="$("$program" --timeout 5 "${connection[@]}" get "${kind#@}" -o name 2>/dev/null)"
            mapfile -t COMPREPLY < <(compgen -W "$names" -- "$prefix") ;;
        *) mapfile -t COMPREPLY < <(compgen -W "${kind//|/$'\n'}" -- "$prefix") ;;
    esac
}

_connectdesk_ctl() {
    COMPREPLY=()
    local -a words=() positionals=() connection=()
    local cword=0 i word
    _connectdesk_ctl_join_words
    local cur="${words[cword]}" prev=""
    (( cword > 0 )) && prev="${words[cword-1]}"
    # Names come from the binary being completed, when it can be run as typed.
    local program="${COMP_WORDS[0]}"
    [[ "$program" == "~/"* ]] && program="$HOME/${program:2}"
    type -P "$program" >/dev/null 2>&1 || program=connectdesk-ctl

    for (( i = 1; i < cword; i++ )); do
        word="${words[i]}"
        case "$word" in
            --*=*)
                [[ "$_connectdesk_ctl_connection" == *" ${word%%=*} "* ]] \
                    && connection+=("${word%%=*}=$(_connectdesk_ctl_dequote "${word#*=}")") ;;
            -?*)
                if [[ "$_connectdesk_ctl_valued" == *" $word "* ]]; then
                    if (( i + 1 < cword )) && [[ "$_connectdesk_ctl_connection" == *" $word "* ]]; then
                        connection+=("$word" "$(_connectdesk_ctl_dequote "${words[i+1]}")")
                    fi
                    (( i++ ))
                elif [[ "$_connectdesk_ctl_connection" == *" $word "* ]]; then
                    connection+=("$word")
                fi ;;
            *) positionals+=("$word") ;;
        esac
    done

    # An option's value: after the option, or after --option=.
    local option="" lead=""
    if [[ "$cur" == --*=* ]]; then
        option="${cur%%=*}" lead="${cur%%=*}="
        cur="${cur#*=}"
    elif [[ "$_connectdesk_ctl_valued" == *" $prev "* ]]; then
        option="$prev"
    fi

    if [[ -n "$option" ]]; then
        _connectdesk_ctl_offer "$(_connectdesk_ctl_option_values "$option")" "$cur"
    else
        # The command typed so far: the longest spelling its words start with.
        local command="" spelling typed="${positionals[*]}"
        for spelling in "${_connectdesk_ctl_spellings[@]}"; do
            if [[ "$typed" == "$spelling" || "$typed" == "$spelling "* ]] && (( ${#spelling} > ${#command} )); then
                command="$spelling"
            fi
        done
        local canonical
        canonical="$(_connectdesk_ctl_canonical "$command")"
        if [[ "$cur" == -* ]]; then
            local options
            options="$(_connectdesk_ctl_global_options)|$(_connectdesk_ctl_command_options "$canonical")"
            _connectdesk_ctl_offer "${options%|}" "$cur"
        elif [[ -z "$command" ]]; then
            local -a next=()
            for spelling in "${_connectdesk_ctl_commands[@]}"; do
                if [[ -n "$typed" ]]; then
                    [[ "$spelling" == "$typed "* ]] || continue
                    spelling="${spelling#"$typed "}"
                fi
                [[ " ${next[*]} " == *" ${spelling%% *} "* ]] || next+=("${spelling%% *}")
            done
            _connectdesk_ctl_offer "$(IFS='|'; echo "${next[*]}")" "$cur"
        else
            local -a spelled=($command) kinds=($(_connectdesk_ctl_operands "$canonical"))
            local index=$(( ${#positionals[@]} - ${#spelled[@]} )) kind=""
            if (( index < ${#kinds[@]} )); then
                kind="${kinds[index]}"
            elif (( ${#kinds[@]} )) && [[ "${kinds[-1]}" == *... ]]; then
                kind="${kinds[-1]}"
            fi
            _connectdesk_ctl_offer "${kind%...}" "$cur"
            if [[ "$kind" == *... ]]; then
                # A connector named once already is not offered again.
                local -a left=()
                for word in "${COMPREPLY[@]}"; do
                    [[ " ${positionals[*]} " == *" $word "* ]] || left+=("$word")
                done
                COMPREPLY=("${left[@]}")
            fi
        fi
    fi

    # Replies complete the joined word; bash replaces only its last piece.
    (( ${#COMPREPLY[@]} )) || return 0
    COMPREPLY=("${COMPREPLY[@]/#/$lead}")
    local piece="${COMP_WORDS[COMP_CWORD]}" joined="${words[cword]}"
    if [[ "$joined" != "$piece" && "$joined" == *"$piece" ]]; then
        COMPREPLY=("${COMPREPLY[@]#"${joined%"$piece"}"}")
    fi
}
complete -F _connectdesk_ctl connectdesk-ctl
)BASH";

QString bashScript()
{
    QStringList commands;
    QStringList allSpellings;
    QStringList valued;
    QStringList connection;
    QStringList global;
    QList<std::pair<QString, QString>> canonical;
    QList<std::pair<QString, QString>> commandOptions;
    QList<std::pair<QString, QString>> operands;
    QList<std::pair<QString, QString>> values;

    auto addValued = [&](const QList<OptionSpec> &options) {
        for (const OptionSpec &option : options) {
            if (!option.takesValue())
                continue;
            for (const QString &spelling : spellings(option)) {
                if (!valued.contains(spelling))
                    valued.append(spelling);
                values.append({spelling, valueKind(option)});
            }
        }
    };
    addValued(globalOptions());
    for (const OptionSpec &option : globalOptions()) {
        global += spellings(option);
        if (isConnectionOption(option))
            connection += spellings(option);
    }
    for (const Command &command : allCommands()) {
        const QString words = command.words.join(QLatin1Char(' '));
        commands.append(quoted(words));
        allSpellings.append(quoted(words));
        for (const QStringList &alias : command.aliases) {
            allSpellings.append(quoted(alias.join(QLatin1Char(' '))));
            canonical.append({quoted(alias.join(QLatin1Char(' '))), words});
        }
        addValued(command.options);
        QStringList options;
        for (const OptionSpec &option : command.options)
            options += spellings(option);
        commandOptions.append({quoted(words), options.join(QLatin1Char('|'))});
        operands.append({quoted(words), operandKinds(command.words)});
    }

    QString script = QStringLiteral(
        "# bash completion for connectdesk-ctl, generated by `connectdesk-ctl completion bash` from the\n"
        "# binary's own commands and options. Use: source <(connectdesk-ctl completion bash)\n"
        "\n"
        "_connectdesk_ctl_commands=(%1)\n"
        "# Every spelling of a command, aliases included.\n"
        "_connectdesk_ctl_spellings=(%2)\n"
        "# Options followed by a value, and those that choose the cluster.\n"
        "_connectdesk_ctl_valued=\" %3 \"\n"
        "_connectdesk_ctl_connection=\" %4 \"\n"
        "\n"
        "_connectdesk_ctl_canonical() {\n"
        "    case \"$1\" in\n"
        "%5"
        "        *) echo \"$1\" ;;\n"
        "    esac\n"
        "}\n"
        "\n"
        "_connectdesk_ctl_global_options() {\n"
        "    echo \"%6\"\n"
        "}\n"
        "\n"
        "_connectdesk_ctl_command_options() {\n"
        "    case \"$1\" in\n"
        "%7"
        "    esac\n"
        "}\n"
        "\n"
        "# What an option's value is: @files, @dirs, @contexts, or the words it takes (a|b).\n"
        "_connectdesk_ctl_option_values() {\n"
        "    case \"$1\" in\n"
        "%8"
        "    esac\n"
        "}\n"
        "\n"
        "# What each operand of a command is: @connectors, @plugins, @loggers (asked of the cluster),\n"
        "# @contexts, or words (a|b); a trailing ... repeats the last.\n"
        "_connectdesk_ctl_operands() {\n"
        "    case \"$1\" in\n"
        "%9"
        "    esac\n"
        "}\n")
                         .arg(commands.join(QLatin1Char(' ')), allSpellings.join(QLatin1Char(' ')),
                              valued.join(QLatin1Char(' ')), connection.join(QLatin1Char(' ')), caseBranches(canonical),
                              global.join(QLatin1Char('|')), caseBranches(commandOptions), caseBranches(values),
                              caseBranches(operands));
    return script + QString::fromUtf8(scriptBody);
}

int completion(Invocation &run)
{
    const QString shell = run.operand(0, QStringLiteral("the shell (bash)"));
    run.allowAtMost(1);
    if (shell != QLatin1String("bash"))
        throw CliError::usage(QStringLiteral("completion %1: only bash is supported").arg(shell));
    run.out.out() << bashScript();
    return ExitOk;
}

} // namespace

QList<Command> completionCommands()
{
    return {
        {{QStringLiteral("completion")},
         {},
         QStringLiteral("bash"),
         QStringLiteral("print the bash completion script (source <(connectdesk-ctl completion bash))"),
         {},
         completion},
    };
}

} // namespace ConnectDesk::Cli
