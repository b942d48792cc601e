// The whole tether runtime.
#pragma once

#include <tether/chan.hpp>
#include <tether/config.hpp>
#include <tether/context.hpp>
#include <tether/errors.hpp>
#include <tether/select.hpp>
#include <tether/task.hpp>
#include <tether/time.hpp>
