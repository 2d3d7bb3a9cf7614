"""sql page (stub)."""

import streamlit as st


def render() -> None:
    st.title("sql")


if __name__ == "__main__":
    render()
