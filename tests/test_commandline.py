"""Plugin commands from the public aggregator.commandline, and what explain shows of extras."""

from __future__ import annotations

import importlib.util

import click
from click.testing import CliRunner, Result

from aggregator.testing import FeedProject

COMMAND_PLUGIN = '''
import click
from aggregator import hookimpl
from aggregator.commandline import EXIT_FAILED, ProjectOptions, common_options, fail


@hookimpl
def aggregator_register_commands(cli):
    @cli.command(name="count-sources")
    @common_options
    def count_sources(project: ProjectOptions) -> None:
        """Print how many sources the project reads."""
        app = project.open_app()
        if not app.config.sources:
            fail("no sources configured", EXIT_FAILED)
        click.echo(len(app.config.sources))
'''


def run_command(project: FeedProject, *args: str) -> Result:
    """Register the plugin's commands on a group of their own and invoke one."""
    path = project.add_plugin("counting.py", COMMAND_PLUGIN)
    spec = importlib.util.spec_from_file_location("counting", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    group = click.Group()
    module.aggregator_register_commands(cli=group)
    project.write_config()
    return CliRunner().invoke(group, [*args, "-c", str(project.config_path)])


def test_a_plugin_command_takes_the_project_options(feed_project: FeedProject) -> None:
    result = run_command(feed_project, "count-sources")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "1"


def test_a_plugin_command_fails_with_a_shared_exit_code(feed_project: FeedProject) -> None:
    feed_project.config["sources"] = []
    result = run_command(feed_project, "count-sources")
    assert result.exit_code == 1
    assert "aggregator: no sources configured" in result.output


def test_a_bad_configuration_exits_2_from_a_plugin_command(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["no_such_key"] = 1
    result = run_command(feed_project, "count-sources")
    assert result.exit_code == 2
    assert "no_such_key" in result.output


EVIDENCE_PLUGIN = """
from aggregator import hookimpl

@hookimpl
def aggregator_tag_item(item):
    item.topics.append("rail")
    item.extras["topic_evidence"] = {
        "rail": {"score": 4.5, "terms": {"shinkansen": 2}},
        "trade": {"score": 1.0, "terms": {"deal": 1}},
    }
    item.extras["title_derived"] = True
"""


def test_explain_shows_any_plugins_evidence_by_convention(feed_project: FeedProject) -> None:
    feed_project.config["plugins"]["disable"] = ["tag_topics"]
    feed_project.add_plugin("evidence.py", EVIDENCE_PLUGIN)
    feed_project.add_article(
        "a.txt", "Shinkansen deal\\n\\nMarch 6, 2026\\n\\nTrains for Mumbai.\\n"
    )
    assert feed_project.run().ok
    result = feed_project.cli("explain", "articles/a.txt")
    assert result.exit_code == 0, result.output
    assert "(derived from the lead)" in result.output
    assert "  * rail: score 4.5 (shinkansen ×2)" in result.output
    assert "    trade: score 1.0 (deal ×1)" in result.output
