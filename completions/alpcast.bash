# bash completion for alpcast (installed as
# share/bash-completion/completions/alpcast): subcommands, their options,
# recast names for `alpcast suite --only` and `alpcast cite --recasts`
# (from `alpcast suite --list`), files elsewhere.

_alpcast_recasts()
{
    alpcast suite --list 2>/dev/null | awk '$1 != "FAIL" && $1 != "alpcast" {print $1}'
}

_alpcast()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=( $(compgen -W "-e -i -E -v --version -h --help" -- "$cur") )
        else
            COMPREPLY=( $(compgen -W "suite merge check help new-recast import export cite plot" -- "$cur") \
                        $(compgen -f -X '!*.lua' -- "$cur") $(compgen -d -- "$cur") )
        fi
        return 0
    fi
    case $cmd in
    suite)
        case $prev in
            --out|--recasts|--figures) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
            --only) COMPREPLY=( $(compgen -W "$(_alpcast_recasts)" -- "$cur") ); return 0 ;;
            -j|--seed|--timeout) return 0 ;;
        esac
        COMPREPLY=( $(compgen -W "--out --only --list --recasts --figures --no-figures --seed -j --timeout --shard --resume --chunk -v --help" -- "$cur") )
        ;;
    cite)
        case $prev in
            --recasts) COMPREPLY=( $(compgen -W "$(_alpcast_recasts)" -- "$cur") ); return 0 ;;
            --model) COMPREPLY=( $(compgen -W "cff cWW" -- "$cur") ); return 0 ;;
            --out) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
            --dir) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
        esac
        COMPREPLY=( $(compgen -W "--recasts --model --dir --out --help" -- "$cur") )
        ;;
    import|export)
        if [ "$COMP_CWORD" -eq 2 ]; then COMPREPLY=( $(compgen -W "hepdata --help" -- "$cur") ); return 0; fi
        case $prev in
            --out) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
            --to) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
            --table|--dependent) return 0 ;;
        esac
        if [[ $cur == -* ]]; then
            if [ "$cmd" = import ]; then
                COMPREPLY=( $(compgen -W "--table --out --dependent --list --help" -- "$cur") )
            else
                COMPREPLY=( $(compgen -W "--to --help" -- "$cur") )
            fi
        else
            COMPREPLY=( $(compgen -d -- "$cur") )
        fi
        ;;
    check)
        case $prev in
            --model) COMPREPLY=( $(compgen -W "cff cWW" -- "$cur") $(compgen -f -X '!*.lua' -- "$cur") ); return 0 ;;
            --only) COMPREPLY=( $(compgen -W "$(_alpcast_recasts)" -- "$cur") ); return 0 ;;
            --recasts) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
            --ma|--c|--seed) return 0 ;;
        esac
        COMPREPLY=( $(compgen -W "--model --ma --c --json --only --recasts --seed --help" -- "$cur") )
        ;;
    plot)
        case $prev in
            --in) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
            --recasts) COMPREPLY=( $(compgen -W "$(_alpcast_recasts)" -- "$cur") ); return 0 ;;
            --out) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
            --format) COMPREPLY=( $(compgen -W "svg pdf png" -- "$cur") ); return 0 ;;
            --model|--title) return 0 ;;
        esac
        COMPREPLY=( $(compgen -W "--in --recasts --model --out --format --title --help" -- "$cur") $(compgen -d -- "$cur") )
        ;;
    new-recast)
        case $prev in
            --data) COMPREPLY=( $(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur") ); return 0 ;;
            --dir) COMPREPLY=( $(compgen -d -- "$cur") ); return 0 ;;
        esac
        COMPREPLY=( $(compgen -W "--data --dir --force --help" -- "$cur") )
        ;;
    help)
        COMPREPLY=( $(compgen -W "recast alp.limit alp.model alp.recast alp.scan alp.data suite" -- "$cur") )
        ;;
    *)
        COMPREPLY=( $(compgen -f -- "$cur") )
        ;;
    esac
    return 0
}
complete -F _alpcast alpcast
