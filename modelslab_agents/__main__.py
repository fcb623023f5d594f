"""``python -m modelslab_agents``: the ``modelslab-agents`` command line."""

from ._cli import main

if __name__ == "__main__":
    main()
